import { A } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import type { StepRow } from '../../contract/cases';
import type { Agency, SubService } from '../../contract/catalogue';
import { t } from '../../i18n';
import { formatDate, localized } from '../../i18n/format';
import { Icon } from '../../ui/icons';
import { useStepOffer } from '../offers/queries';
import { StatusBadge } from './StatusBadge';
import './events.css';

interface Props {
  step: StepRow;
  eventServiceId: string;
  subService: SubService | undefined;
  agency: Agency | undefined;
  waitingOn: SubService | undefined;
}

/** One step of a life event: its status, who acts next and by when, what the person must do, its history. */
export function StepCard(props: Props) {
  const name = () => (props.subService ? localized(props.subService.name) : props.step.subServiceId);
  const agency = () => (props.agency ? localized(props.agency.name) : props.step.agencyId);
  const due = () => (props.step.dueDate ? formatDate(props.step.dueDate) : undefined);
  const personActs = () => props.step.status === 'action_needed' && props.step.actor === 'person';
  // A proactive step: the state has made an offer the person answers in the app.
  const offer = useStepOffer(() => props.step.id);

  return (
    <li class="card step" classList={{ 'step-action': personActs() }}>
      <div class="step-head">
        <h3>
          <A href={`/services/${props.eventServiceId}/${props.step.subServiceId}`}>{name()}</A>
        </h3>
        <StatusBadge status={props.step.status} />
      </div>
      <p class="card-meta">{agency()}</p>
      <p class="step-next">
        <Switch>
          <Match when={personActs()}>{due() ? t('step.next.person_by', { date: due() }) : t('step.next.person')}</Match>
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
          <Match when={props.step.status === 'not_started'}>{t('step.next.not_started')}</Match>
          <Match when={props.step.status === 'completed'}>
            {t('step.next.completed', { date: formatDate(props.step.updatedAt) })}
          </Match>
          <Match when={props.step.status === 'declined'}>{t('step.next.declined')}</Match>
          <Match when={props.step.status === 'not_applicable'}>{t('step.next.not_applicable')}</Match>
        </Switch>
      </p>
      <p class="step-reason">{localized(props.step.reason)}</p>
      <Show when={offer()}>
        {(o) => (
          <A class="button button-primary" href={`/offers/${o().id}`}>
            {t('offers.see_offer')}
          </A>
        )}
      </Show>
      <Show when={!offer() && personActs() && props.subService}>
        <a class="button button-primary" href={props.subService!.url} target="_blank" rel="noopener">
          {t('step.act', { agency: agency() })}
          <Icon name="external" size={20} />
          <span class="visually-hidden">{t('a11y.opens_in_new_tab')}</span>
        </a>
      </Show>
      <Show when={props.step.history.length > 1}>
        <details class="history">
          <summary>{t('step.history')}</summary>
          <ol reversed>
            <For each={[...props.step.history].reverse()}>
              {(entry) => (
                <li>
                  <time datetime={entry.at}>{formatDate(entry.at, { dateStyle: 'medium' })}</time>:{' '}
                  {t(`status.${entry.to}`)} – {localized(entry.reason)}
                </li>
              )}
            </For>
          </ol>
        </details>
      </Show>
    </li>
  );
}
