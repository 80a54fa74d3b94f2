import { useParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { useAgencies, useEventService } from '../../data/catalogue-queries';
import { t } from '../../i18n';
import { formatDate, localized } from '../../i18n/format';
import { BackLink } from '../../ui/BackLink';
import { EmptyState, Page } from '../../ui/Page';
import { KIND_ORDER, kindTitle, maturityLabel } from '../services/labels';
import { ProgressBar } from './ProgressBar';
import { inCatalogueOrder, progress } from './progress';
import { useCase, useCaseSteps } from './queries';
import { StepCard } from './StepCard';

/** The status panel of one life event: every step, grouped core / optional / exceptional, in order. */
export default function CaseDetail() {
  const params = useParams<{ caseId: string }>();
  const theCase = useCase(() => params.caseId);
  const steps = useCaseSteps(() => params.caseId);
  const service = useEventService(() => theCase()?.eventServiceId ?? '');
  const agencies = useAgencies();
  const subService = (id: string | null) => service()?.subServices.find((s) => s.id === id);
  const ordered = createMemo(() => inCatalogueOrder(steps() ?? [], service() ?? undefined));
  const back = () => <BackLink href="/events" label={t('events.title')} />;

  return (
    <Show when={theCase() !== undefined}>
      <Show
        when={theCase()}
        keyed
        fallback={
          <Page title={t('events.not_found')} back={back()}>
            <EmptyState text={t('events.not_found_text')} />
          </Page>
        }
      >
        {(c) => (
          <Page title={service() ? localized(service()!.name) : ''} back={back()}>
            <Show when={c.subjectName}>
              <p class="lead">{c.subjectName}</p>
            </Show>
            <ProgressBar {...progress(steps() ?? [])} />
            <dl class="facts">
              <div>
                <dt>{t('events.started')}</dt>
                <dd>{formatDate(c.startedAt)}</dd>
              </div>
              <Show when={service()}>
                <div>
                  <dt>{t('services.maturity_label')}</dt>
                  <dd>{maturityLabel(service()!.maturity)}</dd>
                </div>
              </Show>
              <Show when={c.completedAt}>
                <div>
                  <dt>{t('events.completed')}</dt>
                  <dd>{formatDate(c.completedAt!)}</dd>
                </div>
              </Show>
            </dl>
            <For each={KIND_ORDER}>
              {(kind) => {
                const group = () => ordered().filter((s) => (subService(s.subServiceId)?.kind ?? 'core') === kind);
                return (
                  <Show when={group().length > 0}>
                    <section class="group" aria-labelledby={`steps-${kind}`}>
                      <h2 id={`steps-${kind}`}>{kindTitle(kind)}</h2>
                      <ol class="card-list timeline">
                        <For each={group()}>
                          {(step) => (
                            <StepCard
                              step={step}
                              eventServiceId={c.eventServiceId}
                              subService={subService(step.subServiceId)}
                              agency={agencies()?.get(step.agencyId)}
                              waitingOn={subService(step.waitingOnSubServiceId)}
                            />
                          )}
                        </For>
                      </ol>
                    </section>
                  </Show>
                );
              }}
            </For>
          </Page>
        )}
      </Show>
    </Show>
  );
}
