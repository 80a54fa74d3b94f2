import { createSignal, Show } from 'solid-js';
import { type MandateRow, mandateHolds } from '../../contract/mandates';
import type { CatalogueEntry, OutboxEntry } from '../../data/db';
import { db } from '../../data/db';
import type { Rejection } from '../../data/sync';
import { t } from '../../i18n';
import { actionErrorText } from '../../ui/action-error';
import { ActionErrorNote, PendingNote, RejectedNote } from '../../ui/Pending';
import { endAuthorisation } from './actions';
import { basisText, fullName, servicesText, statusText } from './labels';

/**
 * One mandate: who, on what basis, what it allows, for which services, until when. An authorisation
 * that holds can be revoked by the person who gave it, or declined by the one it was given to, after
 * saying what that does; parental rights and guardianship say where to turn instead.
 */
export function MandateCard(props: {
  mandate: MandateRow;
  today: string;
  catalogue: CatalogueEntry[] | undefined;
  pending: OutboxEntry | undefined;
  rejection: Rejection | null | undefined;
}) {
  const m = () => props.mandate;
  const [confirming, setConfirming] = createSignal(false);
  const [error, setError] = createSignal<string>();
  // The choice takes the focus when it opens, so a keyboard or screen-reader user lands on what it means.
  let keep: HTMLButtonElement | undefined;
  const holds = () => mandateHolds(m(), props.today);
  const endable = () => m().kind === 'authorisation' && holds() && !props.pending;
  const verb = () => (m().role === 'subject' ? 'revoke' : 'decline');
  const titleId = () => `mandate-${m().id}`;
  const end = async () => {
    setError(undefined);
    try {
      await endAuthorisation(db, m());
      setConfirming(false);
    } catch (e) {
      setError(actionErrorText(e));
    }
  };

  return (
    <section class="card mandate-card" aria-labelledby={titleId()}>
      <h3 id={titleId()} class="card-title">
        {fullName(m())}
      </h3>
      <p class="card-meta">
        <span class={`status ${holds() ? 'status-completed' : 'status-declined'}`}>
          {holds() ? t('mandates.badge.valid') : t('mandates.badge.ended')}
        </span>{' '}
        {statusText(m(), props.today)}
      </p>
      <dl class="facts">
        <div>
          <dt>{t('mandates.basis_label')}</dt>
          <dd>{basisText(m())}</dd>
        </div>
        <div>
          <dt>{t('mandates.scope_label')}</dt>
          <dd>{t(`mandates.scope.${m().scope}`)}</dd>
        </div>
        <div>
          <dt>{t('mandates.services_label')}</dt>
          <dd>{servicesText(m().services, props.catalogue)}</dd>
        </div>
      </dl>
      <Show when={m().kind !== 'authorisation' && holds()}>
        <p class="muted">{t(`mandates.where_to_turn.${m().kind}`)}</p>
      </Show>
      <Show when={props.pending}>
        {(entry) => <PendingNote entry={entry()} what={t(`mandates.pending.${verb()}`)} />}
      </Show>
      <Show when={!props.pending && props.rejection}>{(r) => <RejectedNote rejection={r()} />}</Show>
      <Show when={endable()}>
        <Show
          when={confirming()}
          fallback={
            <button
              type="button"
              class="button"
              onClick={() => {
                setConfirming(true);
                keep?.focus();
              }}
            >
              {t(`mandates.${verb()}`)}
            </button>
          }
        >
          <div class="consequences">
            <p>{t(`mandates.${verb()}_consequence`, { name: fullName(m()) })}</p>
            <div class="stack-actions">
              <button type="button" class="button button-primary" ref={keep} onClick={() => setConfirming(false)}>
                {t('mandates.keep')}
              </button>
              <button type="button" class="button" onClick={() => void end()}>
                {t(`mandates.${verb()}_confirm`)}
              </button>
            </div>
          </div>
        </Show>
      </Show>
      <ActionErrorNote message={error()} />
    </section>
  );
}
