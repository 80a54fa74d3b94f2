import { createSignal, Show } from 'solid-js';
import { t } from '../../i18n';
import { fullName, signOut, unsentCount, useProfile } from './session';

/**
 * Sign-out in More. It deletes the person's data from this device (phones are shared); when changes are
 * still waiting to be sent, it says so first and lets the person send them or discard them.
 */
export function SignOutCard() {
  const profile = useProfile();
  const [pending, setPending] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');

  const finish = async () => {
    setBusy(true);
    try {
      await signOut();
    } catch {
      setBusy(false);
      setError(t('auth.sign_out_failed'));
    }
  };

  const start = async () => {
    setError('');
    const count = await unsentCount();
    if (count > 0) setPending(count);
    else await finish();
  };

  const sendFirst = async () => {
    setBusy(true);
    setError('');
    const { requestSync } = await import('../../data/sync-service');
    await requestSync();
    const left = await unsentCount();
    setBusy(false);
    if (left === 0) await finish();
    else {
      setPending(left);
      setError(t('auth.send_failed'));
    }
  };

  return (
    <Show when={profile()}>
      {(person) => (
        <section class="card" aria-labelledby="sign-out-title">
          <h2 id="sign-out-title">{t('auth.sign_out_title')}</h2>
          <p>{t('auth.signed_in_as', { name: fullName(person()) })}</p>
          <p class="muted">{t('auth.sign_out_text')}</p>
          <Show
            when={pending() > 0}
            fallback={
              <button type="button" class="button" disabled={busy()} onClick={() => void start()}>
                {busy() ? t('auth.signing_out') : t('auth.sign_out')}
              </button>
            }
          >
            <div
              role="alertdialog"
              aria-labelledby="unsent-title"
              aria-describedby="unsent-text"
              class="banner banner-warning"
            >
              <p id="unsent-title">
                <strong>{t('auth.unsent_title')}</strong>
              </p>
              <p id="unsent-text">{t('auth.unsent_text', { count: pending() })}</p>
              <div class="form-actions">
                <button type="button" class="button button-primary" disabled={busy()} onClick={() => void sendFirst()}>
                  {t('auth.send_first')}
                </button>
                <button type="button" class="button" disabled={busy()} onClick={() => void finish()}>
                  {t('auth.discard_and_sign_out')}
                </button>
                <button type="button" class="link-button" disabled={busy()} onClick={() => setPending(0)}>
                  {t('auth.cancel')}
                </button>
              </div>
            </div>
          </Show>
          <Show when={error()}>
            <p class="form-error" role="alert">
              {error()}
            </p>
          </Show>
        </section>
      )}
    </Show>
  );
}
