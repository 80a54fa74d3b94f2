import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { OfferRow, PrefilledField } from '../../contract/offers';
import { useAgencies, useEventServices } from '../../data/catalogue-queries';
import { db } from '../../data/db';
import { online } from '../../data/online';
import { t } from '../../i18n';
import { formatDate, localized } from '../../i18n/format';
import { actionErrorText } from '../../ui/action-error';
import { BackLink } from '../../ui/BackLink';
import { EmptyState, Page } from '../../ui/Page';
import { acceptOffer, declineOffer } from './actions';
import { offerLine, subServiceOf } from './labels';
import { isOpen, useOffer } from './queries';
import './offers.css';

const MAX_REASON = 1000;

/**
 * One offer: what is offered and by whom; why (the data basis in plain words, and the law); the data
 * filled in from the registers to check (editable only where the rule allows); accept or decline.
 * Works offline: the answer is saved on the device and sent when there is a connection.
 */
export default function OfferDetail() {
  const params = useParams<{ offerId: string }>();
  const offer = useOffer(() => params.offerId);
  const services = useEventServices();
  const agencies = useAgencies();
  const back = () => <BackLink href="/offers" label={t('offers.title')} />;

  return (
    <Show when={offer() !== undefined}>
      <Show
        when={offer()}
        fallback={
          <Page title={t('offers.not_found')} back={back()}>
            <EmptyState text={t('offers.not_found_text')} />
          </Page>
        }
      >
        {(o) => {
          const sub = () => subServiceOf(o(), services());
          const agency = () => {
            const a = agencies()?.get(o().agencyId);
            return a ? localized(a.name) : o().agencyId;
          };
          return (
            <Page
              title={sub() ? localized(sub()!.name) : o().subServiceId}
              lead={t('offers.by_agency', { agency: agency() })}
              back={back()}
            >
              <OfferBody offer={o()} agency={agency()} />
            </Page>
          );
        }}
      </Show>
    </Show>
  );
}

function OfferBody(props: { offer: OfferRow; agency: string }) {
  const o = () => props.offer;
  const [edits, setEdits] = createSignal<Record<string, string>>({});
  const [declining, setDeclining] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [announce, setAnnounce] = createSignal('');
  const open = () => isOpen(o());
  const editing = (f: PrefilledField) => open() && f.editable;
  const value = (f: PrefilledField) => o().acceptedFields?.[f.key] ?? edits()[f.key] ?? f.value;

  const run = async (work: () => Promise<void>, done: string) => {
    setError(undefined);
    try {
      await work();
      setAnnounce(online() ? done : `${done} ${t('offers.saved_offline')}`);
    } catch (e) {
      setError(actionErrorText(e));
    }
  };
  const accept = (event: SubmitEvent) => {
    event.preventDefault();
    const changed = Object.fromEntries(
      Object.entries(edits()).filter(([key, v]) => o().fields.find((f) => f.key === key)?.value !== v.trim()),
    );
    const trimmed = Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v.trim()]));
    void run(() => acceptOffer(db, o().id, trimmed), t('offers.accepted_now'));
  };
  const decline = (event: SubmitEvent) => {
    event.preventDefault();
    void run(() => declineOffer(db, o().id, reason().trim() || undefined), t('offers.declined_now'));
  };
  const decided = () => (o().decidedAt ? formatDate(o().decidedAt!) : '');

  return (
    <>
      <Show when={o().subjectName}>
        <p>{t('offers.for_subject', { name: o().subjectName })}</p>
      </Show>
      <div class="offer-status" classList={{ 'step-action': open() }}>
        <span class={`status offer-status-${o().status}`}>{t(`offers.status.${o().status}`)}</span>
        <p>
          {o().status === 'pending' && offerLine(o())}
          {o().status === 'accepted' && t('offers.accepted_notice', { date: decided(), agency: props.agency })}
          {o().status === 'declined' && t('offers.declined_notice', { date: decided() })}
          {o().status === 'granted' && t('offers.granted_notice', { date: decided() })}
          {o().status === 'expired' && t('offers.expired_notice', { date: formatDate(o().deadline) })}
        </p>
        <Show when={o().caseId}>
          <A class="text-link" href={`/events/${o().caseId}`}>
            {t('offers.see_case')}
          </A>
        </Show>
      </div>

      <section class="group" aria-labelledby="offer-why">
        <h2 id="offer-why">{t('offers.why')}</h2>
        <p class="offer-basis">{localized(o().dataBasis)}</p>
        <dl class="facts">
          <div>
            <dt>{t('offers.legal_basis')}</dt>
            <dd>{localized(o().legalBasis)}</dd>
          </div>
        </dl>
      </section>

      <form class="group" aria-labelledby="offer-details" onSubmit={accept}>
        <h2 id="offer-details">{t('offers.details')}</h2>
        <Show when={open()}>
          <p class="muted">
            {o().fields.some((f) => f.editable) ? t('offers.details_hint') : t('offers.details_hint_readonly')}
          </p>
        </Show>
        <dl class="facts offer-fields">
          <For each={o().fields}>
            {(f) => (
              <div>
                <dt>
                  <Show when={editing(f)} fallback={localized(f.label)}>
                    <label for={`offer-field-${f.key}`}>{localized(f.label)}</label>
                  </Show>
                </dt>
                <dd>
                  <Show when={editing(f)} fallback={value(f) || <span class="muted">{t('offers.empty_value')}</span>}>
                    <input
                      id={`offer-field-${f.key}`}
                      class="input"
                      type="text"
                      maxLength={200}
                      value={value(f)}
                      aria-describedby={`offer-source-${f.key}`}
                      onInput={(e) => setEdits({ ...edits(), [f.key]: e.currentTarget.value })}
                    />
                  </Show>
                  <span class="dd-note" id={`offer-source-${f.key}`}>
                    {t('offers.source', { register: localized(f.source) })}
                  </span>
                </dd>
              </div>
            )}
          </For>
        </dl>
        <Show when={open()}>
          <div class="form-actions">
            <button type="submit" class="button button-primary">
              {o().kind === 'consent' ? t('offers.accept') : t('offers.confirm')}
            </button>
            <Show when={o().declinable && !declining()}>
              <button type="button" class="button" onClick={() => setDeclining(true)}>
                {t('offers.decline')}
              </button>
            </Show>
          </div>
        </Show>
      </form>

      <Show when={open() && o().declinable && declining()}>
        <form class="group" aria-labelledby="offer-decline" onSubmit={decline}>
          <h2 id="offer-decline">{t('offers.decline')}</h2>
          <div class="field">
            <label for="offer-decline-reason">{t('offers.decline_reason')}</label>
            <textarea
              id="offer-decline-reason"
              rows={3}
              maxLength={MAX_REASON}
              value={reason()}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </div>
          <div class="form-actions">
            <button type="submit" class="button">
              {t('offers.decline_confirm')}
            </button>
            <button type="button" class="button" onClick={() => setDeclining(false)}>
              {t('offers.keep')}
            </button>
          </div>
        </form>
      </Show>

      <Show when={error()}>
        <p class="banner banner-error" role="alert">
          {error()}
        </p>
      </Show>
      <p class="visually-hidden" role="status">
        {announce()}
      </p>
    </>
  );
}
