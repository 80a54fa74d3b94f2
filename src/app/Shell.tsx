import { A, type RouteSectionProps } from '@solidjs/router';
import { createSignal, For, type JSX, lazy, onMount, Show, Suspense } from 'solid-js';
import { LANGS, type Lang } from '../contract/langs';
import { AccountLink } from '../features/auth/AccountLink';
import { useSignedIn, watchSession } from '../features/auth/session';
import { useUnreadCount } from '../features/inbox/queries';
import { LANGUAGE_NAMES, language, t, withAllStrings } from '../i18n';
import { Icon, type IconName } from '../ui/icons';
import { startHyphenation } from './hyphenate';
import { OfflineBanner } from './OfflineBanner';
import { ReadFailedBanner } from './ReadFailedBanner';
import { ServiceWorkerBridge } from './ServiceWorkerBridge';
import { SyncLinePlace } from './SyncLinePlace';
import { UpdatePrompt } from './UpdatePrompt';

/** Saving the choice goes through the outbox (and so the mutation contract): loaded when used, not before the first paint. */
async function changeLanguage(lang: Lang): Promise<void> {
  const { chooseLanguage } = await import('../features/settings/language');
  await chooseLanguage(lang);
}

// Only a signed-in session can time out: its warnings load with the signed-in screens.
const SessionNotices = lazy(
  withAllStrings(() => import('../features/auth/SessionNotices').then((m) => ({ default: m.SessionNotices }))),
);
// Loaded once someone is signed in (sync has started): a signed-out visit does not need it.
const acting = () => import('./Acting');
const ActingSwitcher = lazy(withAllStrings(() => acting().then((m) => ({ default: m.ActingSwitcher }))));
const ActingList = lazy(withAllStrings(() => acting().then((m) => ({ default: m.ActingList }))));
const ActingBanner = lazy(withAllStrings(() => acting().then((m) => ({ default: m.ActingBanner }))));
const SyncStatus = lazy(withAllStrings(() => import('./SyncStatus').then((m) => ({ default: m.SyncStatus }))));

const NAV: { href: string; key: string; icon: IconName; end?: boolean }[] = [
  { href: '/', key: 'nav.home', icon: 'home', end: true },
  { href: '/events', key: 'nav.events', icon: 'events' },
  { href: '/offers', key: 'nav.offers', icon: 'offers' },
  { href: '/inbox', key: 'nav.inbox', icon: 'inbox' },
  { href: '/more', key: 'nav.more', icon: 'more' },
];

export function Shell(props: RouteSectionProps): JSX.Element {
  onMount(watchSession);
  onMount(startHyphenation);
  const unread = useUnreadCount();
  const signedIn = useSignedIn();
  // The screen renders in the task after the shell's: two shorter tasks rather than one long one, so the
  // browser can paint and answer input in between (Lighthouse's total blocking time counts long tasks).
  const [screenReady, setScreenReady] = createSignal(false);
  const [menuOpen, setMenuOpen] = createSignal(false);
  onMount(() =>
    setTimeout(() => {
      setScreenReady(true);
      // The app is hidden behind index.html's first frame (base.css) until it has drawn the same screen.
      document.querySelector('[data-first-frame]')?.remove();
    }, 0),
  );
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
        {/* The one place to choose the language; Settings shows it and points here. */}
        <label class="language">
          <Icon name="globe" size={20} />
          <span class="visually-hidden">{t('settings.language')}</span>
          <select
            id="language"
            name="language"
            value={language()}
            onChange={(e) => void changeLanguage(e.currentTarget.value as Lang)}
          >
            <For each={LANGS}>
              {(lang) => (
                <option value={lang} lang={lang}>
                  {LANGUAGE_NAMES[lang]}
                </option>
              )}
            </For>
          </select>
        </label>
        <A href="/help" class="account-link help-link" activeClass="active">
          <Icon name="help" />
          <span class="account-label">{t('nav.help')}</span>
        </A>
        {/* For a person who may act for others, the account place is the switcher (same size: nothing moves). */}
        <Show when={signedIn()} fallback={<AccountLink />}>
          <Suspense fallback={<AccountLink />}>
            <ActingSwitcher />
          </Suspense>
        </Show>
      </header>
      <nav class="nav" classList={{ open: menuOpen() }} aria-label={t('a11y.main_navigation')}>
        {/* Shown instead of the bar where five tabs do not fit (a narrow screen, zoom, large text). */}
        <button
          type="button"
          class="nav-toggle"
          aria-expanded={menuOpen()}
          aria-controls="nav-list"
          onClick={() => setMenuOpen(!menuOpen())}
        >
          <span class="nav-icon">
            <Icon name="more" />
            <Show when={(unread() ?? 0) > 0}>
              <span class="nav-badge">
                <span aria-hidden="true">{unread()}</span>
              </span>
            </Show>
          </span>
          {t('nav.menu')}
          <Show when={(unread() ?? 0) > 0}>
            <span class="visually-hidden">{t('a11y.unread_count', { count: unread() })}</span>
          </Show>
        </button>
        <ul id="nav-list">
          <For each={NAV}>
            {(item) => (
              <li>
                <A href={item.href} end={item.end} activeClass="active" onClick={() => setMenuOpen(false)}>
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
        <Show when={signedIn()}>
          <Suspense>
            <ActingList />
            <ActingBanner />
          </Suspense>
        </Show>
        <OfflineBanner />
        <ReadFailedBanner />
        <Show when={signedIn()}>
          <SessionNotices />
          {/* The sync line's place is kept from the first frame: it must not push the screen down. */}
          <Suspense fallback={<SyncLinePlace />}>
            <SyncStatus />
          </Suspense>
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
