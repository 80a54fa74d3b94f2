import { A, useParams } from '@solidjs/router';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { tallinnDate } from '../../contract/dates';
import { type FieldError, normaliseField, validateField } from '../../contract/fields';
import type { Localized } from '../../contract/i18n';
import type { OfferRow, PrefilledField } from '../../contract/offers';
import { mayAct, subjectDb } from '../../data/acting';
import { useAgencies, useEventServices } from '../../data/catalogue-queries';
import { db } from '../../data/db';
import { usePendingFor, useRejectionFor } from '../../data/pending';
import { t } from '../../i18n';
import { dateFieldText, dateFieldValue } from '../../i18n/date-field';
import { formatDate, localized } from '../../i18n/format';
import { forSubject, NotAllowedNote } from '../../ui/acting';
import { actionErrorText } from '../../ui/action-error';
import { BackLink } from '../../ui/BackLink';
import { EmptyState, Page } from '../../ui/Page';
import { ActionErrorNote, PendingNote, RejectedNote } from '../../ui/Pending';
import { AskAgency } from '../help/AgencyContact';
import { acceptOffer, confirmDuty, declineOffer, undoDecline } from './actions';
import { doneByText, offerLine, statusLabel, subServiceOf } from './labels';
import { isOpen, useOffer } from './queries';
import './offers.css';

const MAX_REASON = 1000;

/**
 * One offer or duty: what it is and who makes it; why (the data basis in plain words, and the law); the
 * data filled in from the registers to check, typed and checked (editable only where the rule allows);
 * accept or decline an offer, confirm a duty's details. Works offline: the answer is queued and the
 * offer shows it "ootel" (pending) until the server has applied it.
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
          const duty = () => o().kind === 'duty';
          return (
            <Page
              title={o().heading ? localized(o().heading!) : sub() ? localized(sub()!.name) : o().subServiceId}
              lead={duty() ? t('offers.duty.lead', { agency: agency() }) : t('offers.by_agency', { agency: agency() })}
              back={back()}
            >
              <OfferBody offer={o()} agency={agency()} name={sub()?.name} />
              <AskAgency agency={agencies()?.get(o().agencyId)} />
            </Page>
          );
        }}
      </Show>
    </Show>
  );
}

/** The status line of a duty or an offer. */
function statusText(o: OfferRow, agency: string): string {
  const decided = o.decidedAt ? formatDate(o.decidedAt) : '';
  if (o.status === 'pending') return offerLine(o);
  if (o.decidedBy && (o.status === 'accepted' || o.status === 'declined' || o.status === 'confirmed')) {
    return t(`offers.others_notice.${o.status}`, { date: decided, agency });
  }
  if (o.status === 'confirmed') return t('offers.duty.confirmed_notice', { date: decided, agency });
  if (o.status === 'accepted') return t('offers.accepted_notice', { date: decided, agency });
  if (o.status === 'declined') return t('offers.declined_notice', { date: decided });
  if (o.status === 'granted') return t('offers.granted_notice', { date: decided });
  return t('offers.expired_notice', { date: formatDate(o.deadline) });
}

function OfferBody(props: { offer: OfferRow; agency: string; name?: Localized }) {
  const o = () => props.offer;
  const duty = () => o().kind === 'duty';
  const pending = usePendingFor('offers', () => o().id);
  const rejection = useRejectionFor('offers', () => o().id);
  const [edits, setEdits] = createSignal<Record<string, string>>({});
  const [errors, setErrors] = createSignal<[PrefilledField, FieldError][]>([]);
  const [declining, setDeclining] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string>();
  let summary: HTMLDivElement | undefined;

  const queuedFields = () => (pending()?.payload as { fields?: Record<string, string> } | undefined)?.fields;
  /** The person may answer: open, and no answer of theirs is waiting to be sent. */
  /** Acting for someone: whether their mandate lets one answer this offer (else the answer is not offered). */
  const may = () => mayAct(o().eventServiceId);
  const answerable = () => isOpen(o()) && !pending() && may() === 'yes';
  const editing = (f: PrefilledField) => answerable() && f.editable;
  const value = (f: PrefilledField) =>
    o().acceptedFields?.[f.key] ?? queuedFields()?.[f.key] ?? edits()[f.key] ?? f.value;
  /** The value as the validator and the agency take it: a typed date as YYYY-MM-DD. */
  const typed = (f: PrefilledField) => (f.type === 'date' ? dateFieldValue(value(f)) : value(f));
  const errorOf = (f: PrefilledField) => {
    const own = errors().find(([field]) => field.key === f.key)?.[1];
    if (own) return fieldErrorText(f, own);
    const refused = rejection();
    return refused?.code === 'field_invalid' && refused.field === f.key ? t('offers.field_error.server') : undefined;
  };

  const run = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(actionErrorText(e));
    }
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const found = o()
      .fields.filter((f) => f.editable)
      .flatMap((f) => {
        const problem = validateField(f, typed(f));
        return problem ? [[f, problem] as [PrefilledField, FieldError]] : [];
      });
    setErrors(found);
    if (found.length > 0) {
      queueMicrotask(() => summary?.focus());
      return;
    }
    const changed = Object.fromEntries(
      o()
        .fields.filter((f) => f.editable && normaliseField(f, typed(f)) !== f.value)
        .map((f) => [f.key, normaliseField(f, typed(f))]),
    );
    void run(() => (duty() ? confirmDuty : acceptOffer)(subjectDb(db), o().id, changed, props.name));
  };
  const decline = (event: SubmitEvent) => {
    event.preventDefault();
    void run(async () => {
      await declineOffer(subjectDb(db), o().id, reason().trim() || undefined, props.name);
      setDeclining(false);
    });
  };
  const serviceName = () => (props.name ? localized(props.name) : '');
  const canUndo = () =>
    o().status === 'declined' && o().undoDecline && o().deadline >= tallinnDate() && !pending() && may() === 'yes';

  return (
    <>
      <Show when={errors().length > 0}>
        <div class="error-summary" role="alert" tabindex="-1" ref={summary} aria-labelledby="offer-errors">
          <h2 id="offer-errors">{t('offers.errors_title')}</h2>
          <ul>
            <For each={errors()}>
              {([f, problem]) => (
                <li>
                  <a href={`#offer-field-${f.key}`}>{fieldErrorText(f, problem)}</a>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={o().subjectName}>
        <p>{t('offers.for_subject', { name: o().subjectName })}</p>
      </Show>
      <div class="offer-status" classList={{ 'step-action': answerable() }}>
        <Show
          when={pending()}
          fallback={
            <>
              <span class={`status offer-status-${o().status}`}>{statusLabel(o())}</span>
              <p>{statusText(o(), props.agency)}</p>
              <Show when={doneByText(o())}>{(line) => <p class="done-by">{line()}</p>}</Show>
            </>
          }
        >
          {(entry) => <PendingNote entry={entry()} what={t(`offers.pending_action.${entry().type}`)} />}
        </Show>
        <Show when={!pending() && rejection()}>{(r) => <RejectedNote rejection={r()} />}</Show>
        <Show when={o().caseId}>
          <A class="text-link" href={`/events/${o().caseId}`}>
            {t('offers.see_case')}
          </A>
        </Show>
      </div>

      <Show when={o().status === 'declined' && o().consequences}>
        {(c) => (
          <section class="group" aria-labelledby="offer-next">
            <h2 id="offer-next">{t('offers.what_next')}</h2>
            <p>{localized(c().decline)}</p>
            <Show when={canUndo()}>
              <button
                type="button"
                class="button"
                onClick={() => void run(() => undoDecline(subjectDb(db), o().id, props.name))}
              >
                {forSubject(t('offers.undo_decline'))}
              </button>
            </Show>
          </section>
        )}
      </Show>

      <section class="group" aria-labelledby="offer-why">
        <h2 id="offer-why">{duty() ? t('offers.duty.why') : t('offers.why')}</h2>
        <p class="offer-basis">{localized(o().dataBasis)}</p>
        <dl class="facts">
          <div>
            <dt>{t('offers.legal_basis')}</dt>
            <dd>
              <Show when={o().legalBasisUrl} fallback={localized(o().legalBasis)}>
                {(url) => (
                  <a class="text-link" href={url()} target="_blank" rel="noopener">
                    {localized(o().legalBasis)}
                    <span class="visually-hidden"> {t('a11y.opens_in_new_tab')}</span>
                  </a>
                )}
              </Show>
            </dd>
          </div>
        </dl>
        <p class="link-alone">
          <A href={`/my-data?offer=${o().id}`}>{t('offers.see_data_use')}</A>
        </p>
      </section>

      <Show when={o().links.length > 0}>
        <section class="group" aria-labelledby="offer-routes">
          <h2 id="offer-routes">{t('offers.duty.routes')}</h2>
          <ul class="link-list">
            <For each={o().links}>
              {(link) => (
                <li>
                  <a class="text-link" href={link.url} rel="noopener" target="_blank">
                    {localized(link.label)}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <form class="group" aria-labelledby="offer-details" onSubmit={submit} novalidate>
        <h2 id="offer-details">{t('offers.details')}</h2>
        <Show when={answerable()}>
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
                  <Show
                    when={editing(f)}
                    fallback={shownValue(f, typed(f)) || <span class="muted">{t('offers.field.none')}</span>}
                  >
                    <Show when={errorOf(f)}>
                      <span class="field-error" id={`offer-error-${f.key}`}>
                        {errorOf(f)}
                      </span>
                    </Show>
                    <input
                      id={`offer-field-${f.key}`}
                      class="input"
                      {...inputAttributes(f)}
                      value={f.type === 'date' ? dateFieldText(value(f)) : value(f)}
                      aria-invalid={errorOf(f) ? 'true' : undefined}
                      aria-describedby={`${errorOf(f) ? `offer-error-${f.key} ` : ''}${f.type === 'date' ? `offer-hint-${f.key} ` : ''}offer-source-${f.key}`}
                      onInput={(e) => setEdits({ ...edits(), [f.key]: e.currentTarget.value })}
                    />
                  </Show>
                  <Show when={editing(f) && f.type === 'date'}>
                    <span class="dd-note" id={`offer-hint-${f.key}`}>
                      {t('offers.field.date_hint', { example: dateFieldText('2027-03-05') })}
                    </span>
                  </Show>
                  <span class="dd-note" id={`offer-source-${f.key}`}>
                    {sourceText(f, typed(f), editing(f))}
                  </span>
                </dd>
              </div>
            )}
          </For>
        </dl>
        <Show when={answerable()}>
          <div class="form-actions">
            <button type="submit" class="button button-primary">
              {forSubject(o().kind === 'consent' ? t('offers.accept') : t('offers.confirm'))}
            </button>
            <Show when={o().declinable && !declining()}>
              <button type="button" class="button" onClick={() => setDeclining(true)}>
                {forSubject(t('offers.decline'))}
              </button>
            </Show>
          </div>
        </Show>
        <Show when={isOpen(o()) && !pending() && may() !== 'yes'}>
          <NotAllowedNote may={may()} />
        </Show>
      </form>

      <Show when={answerable() && o().declinable && declining()}>
        <form class="group offer-decline" aria-labelledby="offer-decline" onSubmit={decline}>
          <h2 id="offer-decline">{t('offers.decline_title')}</h2>
          <Show when={o().consequences}>
            {(c) => (
              <div class="consequences">
                <p>
                  <strong>{t('offers.if_decline')}</strong> {localized(c().decline)}
                </p>
                <p>
                  <strong>{t('offers.if_deadline', { date: formatDate(o().deadline) })}</strong>{' '}
                  {localized(c().deadline)}
                </p>
              </div>
            )}
          </Show>
          <div class="field">
            <label for="offer-decline-reason">{t('offers.decline_reason')}</label>
            <textarea
              id="offer-decline-reason"
              class="input"
              rows={3}
              maxLength={MAX_REASON}
              value={reason()}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </div>
          <div class="stack-actions">
            <button type="button" class="button button-primary" onClick={() => setDeclining(false)}>
              {t('offers.keep')}
            </button>
            <button type="submit" class="button">
              {forSubject(
                serviceName() ? t('offers.decline_confirm', { service: serviceName() }) : t('offers.decline'),
              )}
            </button>
          </div>
        </form>
      </Show>

      <ActionErrorNote message={error()} />
    </>
  );
}

/** How a field's value reads: a date in the person's language, anything else as it is. */
function shownValue(f: PrefilledField, value: string): string {
  return f.type === 'date' && value ? formatDate(value) : value;
}

/** Where a value came from: a register only when the value is the register's; else the person, or nobody. */
function sourceText(f: PrefilledField, value: string, editing: boolean): string {
  const now = value ? normaliseField(f, value) : '';
  if (f.value === '') {
    if (now) return t('offers.field.entered_by_you');
    return editing ? t('offers.field.no_register_enter') : t('offers.field.no_register');
  }
  if (now === '') return t('offers.field.removed_by_you');
  if (now !== f.value) return t('offers.field.changed_by_you');
  return f.source ? t('offers.source', { register: localized(f.source) }) : '';
}

function fieldErrorText(f: PrefilledField, problem: FieldError): string {
  return t(`offers.field_error.${problem}`, {
    label: localized(f.label),
    min: f.min ? formatDate(f.min) : '',
    max: f.max ? formatDate(f.max) : '',
  });
}

/** The input that fits the field's type: a date in the screen's language (date-field.ts), digits for codes. */
function inputAttributes(f: PrefilledField): JSX.InputHTMLAttributes<HTMLInputElement> {
  switch (f.type) {
    case 'date':
      return { type: 'text', inputMode: 'numeric' as const, maxLength: 10, autocomplete: 'off' };
    case 'iban':
      return {
        type: 'text',
        autocomplete: 'off',
        spellcheck: false,
        maxLength: 42,
        autocapitalize: 'characters' as const,
      };
    case 'personalCode':
      return { type: 'text', inputMode: 'numeric' as const, maxLength: 11, autocomplete: 'off' };
    case 'amount':
      return { type: 'text', inputMode: 'decimal' as const, maxLength: 12 };
    default:
      return { type: 'text', maxLength: 200 };
  }
}
