import { A, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import type { StepRow } from '../../contract/cases';
import { useAgencies, useEventService } from '../../data/catalogue-queries';
import { createLiveQuery } from '../../data/live';
import { t } from '../../i18n';
import { localized } from '../../i18n/format';
import { BackLink } from '../../ui/BackLink';
import { EmptyState, Page } from '../../ui/Page';
import { useCase } from './queries';
import { StatusBadge } from './StatusBadge';
import { StepAction, StepHistory, StepNext } from './StepCard';

/**
 * One step within the person's case: its status, who acts next, what to do and the agency's link to
 * act now, and its whole history. Back returns to the case; the catalogue page of the service is a link.
 */
export default function StepDetail() {
  const params = useParams<{ caseId: string; stepId: string }>();
  const theCase = useCase(() => params.caseId);
  const step = createLiveQuery(
    async (db, key) => ((await db.steps.get(key)) as unknown as StepRow | undefined) ?? null,
    () => params.stepId,
  );
  const service = useEventService(() => theCase()?.eventServiceId ?? '');
  const agencies = useAgencies();
  const subService = (id: string | null) => service()?.subServices.find((s) => s.id === id);
  const back = () => (
    <BackLink href={`/events/${params.caseId}`} label={service() ? localized(service()!.name) : t('events.title')} />
  );

  return (
    <Show when={step() !== undefined && theCase() !== undefined}>
      <Show
        when={step()?.caseId === params.caseId ? step() : null}
        fallback={
          <Page title={t('events.step_not_found')} back={back()}>
            <EmptyState text={t('events.not_found_text')} />
          </Page>
        }
      >
        {(s) => {
          const props = () => ({
            step: s(),
            eventServiceId: theCase()?.eventServiceId ?? '',
            subService: subService(s().subServiceId),
            agency: agencies()?.get(s().agencyId),
            waitingOn: subService(s().waitingOnSubServiceId),
          });
          return (
            <Page
              title={props().subService ? localized(props().subService!.name) : s().subServiceId}
              lead={props().agency ? localized(props().agency!.name) : s().agencyId}
              back={back()}
            >
              <div class="offer-status step-status">
                <StatusBadge status={s().status} />
                <StepNext {...props()} />
                <p class="step-reason">{localized(s().reason)}</p>
                <StepAction {...props()} />
              </div>
              <section class="group" aria-labelledby="step-history">
                <h2 id="step-history">{t('step.history')}</h2>
                <StepHistory step={s()} />
              </section>
              <Show when={theCase()}>
                <A class="text-link" href={`/services/${theCase()!.eventServiceId}/${s().subServiceId}`}>
                  {t('step.about_service')}
                </A>
              </Show>
            </Page>
          );
        }}
      </Show>
    </Show>
  );
}
