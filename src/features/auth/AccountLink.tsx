import { A, useLocation } from '@solidjs/router';
import { Show } from 'solid-js';
import { t } from '../../i18n';
import { fullName, signInHref, useProfile } from './session';

const PERSON_ICON = 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0';

export function PersonIcon() {
  return (
    <svg
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      aria-hidden="true"
    >
      <path d={PERSON_ICON} />
    </svg>
  );
}

/**
 * In the shell's top bar: the signed-in person's name (to their account in More), or "Sign in". On a
 * phone only the icon shows (the words stay for screen readers); the slot keeps its size while the
 * profile loads, so nothing moves.
 */
export function AccountLink() {
  const location = useLocation();
  const profile = useProfile();
  return (
    <span class="account-slot">
      <Show when={profile() !== undefined}>
        <Show
          when={profile()}
          fallback={
            <a class="account-link" rel="external" href={signInHref(location.pathname + location.search)}>
              <PersonIcon />
              <span class="account-label">{t('auth.sign_in')}</span>
            </a>
          }
        >
          {(person) => (
            <A class="account-link" href="/more" aria-label={t('auth.signed_in_as', { name: fullName(person()) })}>
              <PersonIcon />
              <span class="account-label">{fullName(person())}</span>
            </A>
          )}
        </Show>
      </Show>
    </span>
  );
}
