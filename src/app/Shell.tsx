import { A, type RouteSectionProps } from '@solidjs/router';
import { createSignal, For, type JSX, lazy, onMount, Show } from 'solid-js';
import { LANGS, type Lang } from '../contract/langs';
import { AccountLink } from '../features/auth/AccountLink';
import { SessionNotices } from '../features/auth/SessionNotices';
import { useProfile, watchSession } from '../features/auth/session';
import { useUnreadCount } from '../features/inbox/queries';
import { LANGUAGE_NAMES, language, setLanguage, t } from '../i18n';
import { Icon, type IconName } from '../ui/icons';
import { OfflineBanner } from './OfflineBanner';
import { ServiceWorkerBridge } from './ServiceWorkerBridge';
import { UpdatePrompt } from './UpdatePrompt';

// Loaded once someone is signed in (sync has started): a signed-out visit does not need it.
const SyncStatus = lazy(() => import('./SyncStatus').then((m) => ({ default: m.SyncStatus })));

const NAV: { href: string; key: string; icon: IconName; end?: boolean }[] = [
  { href: '/', key: 'nav.home', icon: 'home', end: true },
  { href: '/events', key: 'nav.events', icon: 'events' },
  { href: '/offers', key: 'nav.offers', icon: 'offers' },
  { href: '/inbox', key: 'nav.inbox', icon: 'inbox' },
  { href: '/more', key: 'nav.more', icon: 'more' },
];

export function Shell(props: RouteSectionProps): JSX.Element {
  onMount(watchSession);
  const unread = useUnreadCount();
  const profile = useProfile();
  // The screen renders in the task after the shell's: two shorter tasks rather than one long one, so the
  // browser can paint and answer input in between (Lighthouse's total blocking time counts long tasks).
  const [screenReady, setScreenReady] = createSignal(false);
  onMount(() => setTimeout(() => setScreenReady(true), 0));
  return (
    <div class="shell">
      {/* biome-ignore lint/a11y/useValidAnchor: a real in-page link; the handler only adds the focus move */}
      <a class="skip-link" href="#main" onClick={skipToMain}>
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
          <select name="language" value={language()} onChange={(e) => void setLanguage(e.currentTarget.value as Lang)}>
            <For each={LANGS}>
              {(lang) => (
                <option value={lang} lang={lang}>
                  {LANGUAGE_NAMES[lang]}
                </option>
              )}
            </For>
          </select>
        </label>
        <AccountLink />
      </header>
      <nav class="nav" aria-label={t('a11y.main_navigation')}>
        <ul>
          <For each={NAV}>
            {(item) => (
              <li>
                <A href={item.href} end={item.end} activeClass="active">
                  <span class="nav-icon">
                    <Icon name={item.icon} />
                    <Show when={item.href === '/inbox' && (unread() ?? 0) > 0}>
                      <span class="nav-badge">
                        <span aria-hidden="true">{unread()}</span>
                      </span>
                    </Show>
                  </span>
                  <span class="nav-label">{t(item.key)}</span>
                  <Show when={item.href === '/inbox' && (unread() ?? 0) > 0}>
                    <span class="visually-hidden">{t('a11y.unread_count', { count: unread() })}</span>
                  </Show>
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <main id="main" tabindex="-1">
        <OfflineBanner />
        <SessionNotices />
        <Show when={profile()}>
          <SyncStatus />
        </Show>
        <Show when={screenReady()}>{props.children}</Show>
      </main>
      <UpdatePrompt />
      <ServiceWorkerBridge unread={unread} />
    </div>
  );
}

/** The router takes over in-page links without moving focus; the skip link must put focus in main. */
function skipToMain(event: MouseEvent) {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  main.focus();
}

function BrandMark() {
  return (
    <svg class="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M8 11h16M8 16h16M8 21h10" stroke="var(--color-on-primary)" stroke-width="3" stroke-linecap="round" />
    </svg>
  );
}
