import { useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { t } from '../../i18n';
import { hasSignedInHint, signInHref, useProfile } from './session';

const ERRORS = new Set(['cancelled', 'failed', 'expired', 'invalid_person', 'insufficient_acr', 'unavailable']);

/**
 * The signed-out start: what signing in gives, and "Sign in". The public catalogue below stays usable
 * without it. After a refused sign-in it says why.
 */
export function SignInCard() {
  const profile = useProfile();
  const [params] = useSearchParams();
  const error = () => {
    const code = params.sign_in_error;
    if (typeof code !== 'string') return undefined;
    return ERRORS.has(code) ? code : 'failed';
  };
  return (
    // Shown from the first paint unless someone may be signed in, so the page does not move under the reader.
    <Show when={profile() === null || (profile() === undefined && !hasSignedInHint())}>
      <section class="card sign-in-card" aria-labelledby="sign-in-title">
        <Show when={error()}>
          <div class="banner banner-error" role="alert">
            <p>
              <strong>{t('auth.error_title')}</strong> {t(`auth.error.${error()}`)}
            </p>
          </div>
        </Show>
        <h2 id="sign-in-title">{t('auth.start_title')}</h2>
        <p>{t('auth.start_text')}</p>
        <p class="muted">{t('auth.start_how')}</p>
        <a class="button button-primary" rel="external" href={signInHref('/')}>
          {t('auth.sign_in')}
        </a>
        <p class="muted">{t('auth.start_browse')}</p>
      </section>
    </Show>
  );
}
