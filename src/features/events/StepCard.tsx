import { A } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import type { StepRow } from '../../contract/cases';
import type { Agency, SubService } from '../../contract/catalogue';
import { t } from '../../i18n';
import { formatDate, localized } from '../../i18n/format';
import { Icon } from '../../ui/icons';
import { AskAgency } from '../help/AgencyContact';
import { useStepOffer } from '../offers/queries';
import { StatusBadge } from './StatusBadge';
import './events.css';

export interface StepProps {
  step: StepRow;
  eventServiceId: string;
  subService: SubService | undefined;
  agency: Agency | undefined;
  waitingOn: SubService | undefined;
}

const agencyName = (p: StepProps) => (p.agency ? localized(p.agency.name) : p.step.agencyId);
const personActs = (step: StepRow) => step.status === 'action_needed' && step.actor === 'person';
/** Not started, and the person is the one to start it (an application they can make now). */
const personStarts = (step: StepRow) => step.status === 'not_started' && step.actor === 'person';

/** Who acts next on the step and by when; "we will let you know" only for what the state starts. */
export function StepNext(props: StepProps) {
  const agency = () => agencyName(props);
  const due = () => (props.step.dueDate ? formatDate(props.step.dueDate) : undefined);
  return (
    <p class="step-next">
      <Switch>
        <Match when={personActs(props.step)}>
          {due() ? t('step.next.person_by', { date: due() }) : t('step.next.person')}
        </Match>
        <Match when={props.step.status === 'action_needed' || props.step.status === 'in_progress'}>
          {due()
            ? t('step.next.agency_by', { agency: agency(), date: due() })
            : t('step.next.agency', { agency: agency() })}
        </Match>
        <Match when={props.step.status === 'waiting'}>
          {t('step.next.waiting', {
            service: props.waitingOn ? localized(props.waitingOn.name) : t('step.next.another_step'),
          })}
        </Match>
        <Match when={personStarts(props.step)}>{t('step.next.person_can_start')}</Match>
        <Match when={props.step.status === 'not_started'}>{t('step.next.not_started')}</Match>
        <Match when={props.step.status === 'completed'}>
          {t('step.next.completed', { date: formatDate(props.step.updatedAt) })}
        </Match>
        <Match when={props.step.status === 'declined'}>{t('step.next.declined')}</Match>
        <Match when={props.step.status === 'not_applicable'}>{t('step.next.not_applicable')}</Match>
      </Switch>
    </p>
  );
}

/** What the person can do now: answer the state's offer in the app, or act on the agency's site. */
export function StepAction(props: StepProps) {
  // A proactive step: the state has made an offer the person answers in the app.
  const offer = useStepOffer(() => props.step.id);
  return (
    <>
      <Show when={offer()}>
        {(o) => (
          <A class="button button-primary" href={`/offers/${o().id}`}>
            {o().kind === 'duty' ? t('offers.duty.see') : t('offers.see_offer')}
          </A>
        )}
      </Show>
      <Show when={!offer() && (personActs(props.step) || personStarts(props.step)) && props.subService}>
        <a class="button button-primary" href={props.subService!.url} target="_blank" rel="noopener">
          {t('step.act')}
          <Icon name="external" size={20} />
          <span class="visually-hidden">{t('a11y.opens_in_new_tab')}</span>
        </a>
      </Show>
    </>
  );
}

/** The step's history, latest first. */
export function StepHistory(props: { step: StepRow }) {
  return (
    <ol reversed class="step-history">
      <For each={[...props.step.history].reverse()}>
        {(entry) => (
          <li>
            <time datetime={entry.at}>{formatDate(entry.at, { dateStyle: 'medium' })}</time>: {t(`status.${entry.to}`)}{' '}
            – {localized(entry.reason)}
          </li>
        )}
      </For>
    </ol>
  );
}

/** One step of a life event: its status, who acts next and by when, what the person must do, its history. */
export function StepCard(props: StepProps) {
  const name = () => (props.subService ? localized(props.subService.name) : props.step.subServiceId);
  return (
    <li class="card step" classList={{ 'step-action': personActs(props.step) }}>
      <div class="step-head">
        <h3>
          <A href={`/events/${props.step.caseId}/steps/${props.step.id}`}>{name()}</A>
        </h3>
        <StatusBadge status={props.step.status} />
      </div>
      <p class="card-meta">{agencyName(props)}</p>
      <StepNext {...props} />
      <p class="step-reason">{localized(props.step.reason)}</p>
      <StepAction {...props} />
      <AskAgency agency={props.agency} />
      <Show when={props.step.history.length > 1}>
        <details class="history">
          <summary>{t('step.history')}</summary>
          <StepHistory step={props.step} />
        </details>
      </Show>
    </li>
  );
}
