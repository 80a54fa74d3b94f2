import { Show } from 'solid-js';
import type { OutboxEntry } from '../data/db';
import { pendingPhase } from '../data/pending';
import type { Rejection } from '../data/sync';
import { t } from '../i18n';

/**
 * The one wording of an action the server has not confirmed yet, shown on the item itself: "Ootel"
 * and whether it is being sent or waits for a network (or a new sign-in). `what` says what waits.
 */
export function PendingNote(props: { entry: OutboxEntry; what?: string }) {
  return (
    <p class="pending-note" role="status">
      <span class="status status-pending">{t('pending.badge')}</span>
      <span>
        <Show when={props.what}>{props.what} </Show>
        {t(`pending.${pendingPhase()}`)}
      </span>
    </p>
  );
}

/** The server refused the action: the item is as it was, and this says why. */
export function RejectedNote(props: { rejection: Rejection }) {
  return (
    <p class="banner banner-error" role="alert">
      {t('pending.rejected', {
        action: t(`sync.mutation.${props.rejection.type}`, { defaultValue: props.rejection.type }),
      })}{' '}
      {t(`sync.reason.${props.rejection.code}`, { defaultValue: t('sync.reason.other') })}
    </p>
  );
}

/** Why an action could not be queued (actionErrorText), read out as it appears; nothing when there is none. */
export function ActionErrorNote(props: { message: string | undefined }) {
  return (
    <Show when={props.message}>
      <p class="banner banner-error" role="alert">
        {props.message}
      </p>
    </Show>
  );
}
