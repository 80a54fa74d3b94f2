import { createSignal, For, Show } from 'solid-js';
import { db } from '../../data/db';
import { useOutbox } from '../../data/pending';
import { t } from '../../i18n';
import { localized } from '../../i18n/format';
import { fullName, signOut, useProfile } from './session';

/**
 * Sign-out in More. It deletes the person's data from this device (phones are shared); when changes are
 * still waiting to be sent, it first lists them by name and lets the person send them or discard them.
 * The list is the outbox itself, live: an item sent meanwhile leaves it, and an empty queue says so.
 */
export function SignOutCard() {
  const profile = useProfile();
  const outbox = useOutbox();
  const [asked, setAsked] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  /** Sending failed: said while something is still unsent, not after the queue has emptied. */
  const [sendFailed, setSendFailed] = createSignal(false);
  const unsent = () => outbox() ?? [];

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
    // Asked of the database, not of the live list, which may not have answered yet on a fast tap.
    if ((await db.outbox.count()) > 0) setAsked(true);
    else await finish();
  };

  const sendFirst = async () => {
    setBusy(true);
    setError('');
    setSendFailed(false);
    const { requestSync } = await import('../../data/sync-service');
    await requestSync();
    setBusy(false);
    if (unsent().length === 0) await finish();
    else setSendFailed(true);
  };

  return (
    <Show when={profile()}>
      {(person) => (
        <section class="card" aria-labelledby="sign-out-title">
          <h2 id="sign-out-title">{t('auth.sign_out_title')}</h2>
          <p>{t('auth.signed_in_as', { name: fullName(person()) })}</p>
          <p class="muted">{t('auth.sign_out_text')}</p>
          <Show
            when={asked() && unsent().length > 0}
            fallback={
              <>
                <Show when={asked() && !busy()}>
                  <p role="status">{t('auth.all_sent')}</p>
                </Show>
                <button type="button" class="button" disabled={busy()} onClick={() => void start()}>
                  {busy() ? t('auth.signing_out') : t('auth.sign_out')}
                </button>
              </>
            }
          >
            <div
              role="alertdialog"
              aria-labelledby="unsent-title"
              aria-describedby="unsent-text"
              class="banner banner-warning unsent-warning"
            >
              <p id="unsent-title">
                <strong>{t('auth.unsent_title')}</strong>
              </p>
              <p id="unsent-text">{t('auth.unsent_text', { count: unsent().length })}</p>
              <ul class="unsent-list">
                <For each={unsent()}>
                  {(entry) => (
                    <li>
                      {t(`sync.mutation.${entry.type}`, { defaultValue: entry.type })}
                      <Show when={entry.label}>{(label) => `: ${localized(label())}`}</Show>
                    </li>
                  )}
                </For>
              </ul>
              <div class="stack-actions">
                <button type="button" class="button button-primary" disabled={busy()} onClick={() => void sendFirst()}>
                  {t('auth.send_first')}
                </button>
                <button type="button" class="button" disabled={busy()} onClick={() => void finish()}>
                  {t('auth.discard_and_sign_out')}
                </button>
                <button type="button" class="button" disabled={busy()} onClick={() => setAsked(false)}>
                  {t('auth.stay_signed_in')}
                </button>
              </div>
            </div>
          </Show>
          <Show when={error() || (sendFailed() && unsent().length > 0)}>
            <p class="form-error" role="alert">
              {error() || t('auth.send_failed')}
            </p>
          </Show>
        </section>
      )}
    </Show>
  );
}
