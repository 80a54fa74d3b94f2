import { A, type RouteSectionProps } from '@solidjs/router';
import { For, type JSX } from 'solid-js';
import { LANGS, type Lang } from '../contract/langs';
import { LANGUAGE_NAMES, language, setLanguage, t } from '../i18n';
import { Icon, type IconName } from './icons';
import { OfflineBanner } from './OfflineBanner';
import { UpdatePrompt } from './UpdatePrompt';

const NAV: { href: string; key: string; icon: IconName; end?: boolean }[] = [
  { href: '/', key: 'nav.home', icon: 'home', end: true },
  { href: '/events', key: 'nav.events', icon: 'events' },
  { href: '/offers', key: 'nav.offers', icon: 'offers' },
  { href: '/inbox', key: 'nav.inbox', icon: 'inbox' },
  { href: '/more', key: 'nav.more', icon: 'more' },
];

export function Shell(props: RouteSectionProps): JSX.Element {
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('a11y.skip_to_content')}
      </a>
      <header class="topbar">
        <A href="/" class="brand" aria-label={t('a11y.home_link', { app: t('app.name') })}>
          <BrandMark />
          <span class="brand-name">{t('app.name')}</span>
        </A>
        <label class="language">
          <Icon name="globe" size={20} />
          <span class="visually-hidden">{t('settings.language')}</span>
          <select value={language()} onChange={(e) => void setLanguage(e.currentTarget.value as Lang)}>
            <For each={LANGS}>
              {(lang) => (
                <option value={lang} lang={lang}>
                  {LANGUAGE_NAMES[lang]}
                </option>
              )}
            </For>
          </select>
        </label>
      </header>
      <nav class="nav" aria-label={t('a11y.main_navigation')}>
        <ul>
          <For each={NAV}>
            {(item) => (
              <li>
                <A href={item.href} end={item.end} activeClass="active">
                  <Icon name={item.icon} />
                  <span>{t(item.key)}</span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <main id="main" tabindex="-1">
        <OfflineBanner />
        {props.children}
      </main>
      <UpdatePrompt />
    </div>
  );
}

function BrandMark() {
  return (
    <svg class="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M8 11h16M8 16h16M8 21h10" stroke="var(--color-on-primary)" stroke-width="3" stroke-linecap="round" />
    </svg>
  );
}
