import { createSignal, For, Show } from 'solid-js';
import { tallinnDate } from '../../contract/dates';
import { useEventServices } from '../../data/catalogue-queries';
import { db } from '../../data/db';
import type { Rejection } from '../../data/sync';
import { t } from '../../i18n';
import { dateFieldText, dateFieldValue } from '../../i18n/date-field';
import { formatDate, localized } from '../../i18n/format';
import { actionErrorText } from '../../ui/action-error';
import { ActionErrorNote, RejectedNote } from '../../ui/Pending';
import { grantAuthorisation } from './actions';
import {
  checkGrant,
  emptyDraft,
  type GrantDraft,
  type GrantField,
  type GrantProblem,
  grantPayload,
  latestUntil,
} from './grant-form';

const FIELD_ID: Record<GrantField, string> = {
  personalCode: 'grant-code',
  services: 'grant-services',
  validUntil: 'grant-until',
};

/**
 * Give an authorisation: to whom (by personal code, checked on the phone), what they may do, for which
 * services, until when (a year unless changed, at most three). Checked here as the server checks it;
 * queued in the outbox, so it works offline, and pending above until the server confirms it.
 */
export function GrantForm(props: { rejection: Rejection | null }) {
  const today = () => tallinnDate();
  const services = useEventServices();
  const [draft, setDraft] = createSignal<GrantDraft>(emptyDraft(today()));
  const [problems, setProblems] = createSignal<[GrantField, GrantProblem][]>([]);
  const [queued, setQueued] = createSignal(false);
  const [error, setError] = createSignal<string>();
  let summary: HTMLDivElement | undefined;

  const edit = (change: Partial<GrantDraft>) => {
    setDraft({ ...draft(), ...change });
    setQueued(false);
  };
  const problemOf = (field: GrantField) => problems().find(([f]) => f === field)?.[1];
  const problemText = (problem: GrantProblem) =>
    t(`mandates.problem.${problem}`, { date: formatDate(latestUntil(today())) });
  const describedBy = (field: GrantField, hint?: string) =>
    [problemOf(field) ? `${FIELD_ID[field]}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  const toggleService = (id: string, on: boolean) => {
    const rest = draft().services.filter((s) => s !== id);
    edit({ services: on ? [...rest, id] : rest });
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    // Read now, not from a live query that may not have answered yet: one's own code is never sent.
    const own = await db.profile.get('me');
    const found = checkGrant(draft(), today(), own?.personalCode ?? '');
    setProblems(found);
    if (found.length > 0) {
      queueMicrotask(() => summary?.focus());
      return;
    }
    try {
      await grantAuthorisation(db, grantPayload(draft(), crypto.randomUUID()));
      setDraft(emptyDraft(today()));
      setQueued(true);
    } catch (e) {
      setError(actionErrorText(e));
    }
  };

  const FieldError = (props: { field: GrantField }) => (
    <Show when={problemOf(props.field)}>
      {(problem) => (
        <span class="field-error" id={`${FIELD_ID[props.field]}-error`}>
          {problemText(problem())}
        </span>
      )}
    </Show>
  );

  return (
    <section class="group" aria-labelledby="grant-title">
      <h2 id="grant-title">{t('mandates.grant_title')}</h2>
      <p>{t('mandates.grant_intro')}</p>
      <Show when={problems().length > 0}>
        <div class="error-summary" role="alert" tabindex="-1" ref={summary} aria-labelledby="grant-errors">
          <h3 id="grant-errors">{t('mandates.errors_title')}</h3>
          <ul>
            <For each={problems()}>
              {([field, problem]) => (
                <li>
                  <a href={`#${FIELD_ID[field]}`}>{problemText(problem)}</a>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={props.rejection}>{(r) => <RejectedNote rejection={r()} />}</Show>
      <form class="grant-form" onSubmit={(e) => void submit(e)} novalidate>
        <div class="field">
          <label for="grant-code">{t('mandates.code_label')}</label>
          <FieldError field="personalCode" />
          <input
            id="grant-code"
            class="input"
            type="text"
            inputMode="numeric"
            autocomplete="off"
            maxLength={14}
            value={draft().personalCode}
            aria-invalid={problemOf('personalCode') ? 'true' : undefined}
            aria-describedby={describedBy('personalCode')}
            onInput={(e) => edit({ personalCode: e.currentTarget.value })}
          />
        </div>
        <fieldset class="choice-group">
          <legend>{t('mandates.scope_legend')}</legend>
          <For each={['view', 'act'] as const}>
            {(scope) => (
              <label class="choice">
                <input
                  type="radio"
                  name="grant-scope"
                  value={scope}
                  checked={draft().scope === scope}
                  onChange={() => edit({ scope })}
                />
                <span>{t(`mandates.scope_choice.${scope}`)}</span>
              </label>
            )}
          </For>
        </fieldset>
        <fieldset class="choice-group" id="grant-services" tabindex="-1" aria-describedby={describedBy('services')}>
          <legend>{t('mandates.services_legend')}</legend>
          <FieldError field="services" />
          <label class="choice">
            <input
              type="radio"
              name="grant-all"
              checked={draft().allServices}
              onChange={() => edit({ allServices: true })}
            />
            <span>{t('mandates.all_services')}</span>
          </label>
          <label class="choice">
            <input
              type="radio"
              name="grant-all"
              checked={!draft().allServices}
              onChange={() => edit({ allServices: false })}
            />
            <span>{t('mandates.chosen_services')}</span>
          </label>
          <Show when={!draft().allServices}>
            <div class="grant-services">
              <For each={services()}>
                {(service) => (
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={draft().services.includes(service.id)}
                      onChange={(e) => toggleService(service.id, e.currentTarget.checked)}
                    />
                    <span>{localized(service.name)}</span>
                  </label>
                )}
              </For>
            </div>
          </Show>
        </fieldset>
        <div class="field">
          <label for="grant-until">{t('mandates.until_label')}</label>
          <span class="dd-note" id="grant-until-hint">
            {t('mandates.until_hint', { date: formatDate(latestUntil(today())) })}
          </span>
          <span class="dd-note" id="grant-until-format">
            {t('offers.field.date_hint', { example: dateFieldText('2027-03-05') })}
          </span>
          <FieldError field="validUntil" />
          <input
            id="grant-until"
            class="input"
            type="text"
            inputmode="decimal"
            maxLength={10}
            autocomplete="off"
            value={dateFieldText(draft().validUntil)}
            aria-invalid={problemOf('validUntil') ? 'true' : undefined}
            aria-describedby={describedBy('validUntil', 'grant-until-hint grant-until-format')}
            onInput={(e) => edit({ validUntil: dateFieldValue(e.currentTarget.value) })}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            {t('mandates.grant_submit')}
          </button>
        </div>
        <p role="status" class="grant-queued">
          <Show when={queued()}>{t('mandates.grant_queued')}</Show>
        </p>
        <ActionErrorNote message={error()} />
      </form>
    </section>
  );
}
