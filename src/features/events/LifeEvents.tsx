import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { CaseRow } from '../../contract/cases';
import { useEventServices } from '../../data/catalogue-queries';
import { t } from '../../i18n';
import { EmptyState, Page } from '../../ui/Page';
import { CaseCard } from './CaseCard';
import { useAllSteps, useCases } from './queries';

export default function LifeEvents() {
  const cases = useCases();
  const steps = useAllSteps();
  const services = useEventServices();
  const service = (id: string) => services()?.find((s) => s.id === id);
  const stepsOf = (caseId: string) => (steps() ?? []).filter((s) => s.caseId === caseId);
  const active = () => (cases() ?? []).filter((c) => c.state === 'active');
  const finished = () => (cases() ?? []).filter((c) => c.state !== 'active');
  const list = (items: CaseRow[]) => (
    <ul class="card-list">
      <For each={items}>
        {(c) => (
          <li>
            <CaseCard case={c} steps={stepsOf(c.id)} service={service(c.eventServiceId)} />
          </li>
        )}
      </For>
    </ul>
  );

  return (
    <Page title={t('events.title')}>
      <Show
        when={(cases() ?? []).length > 0}
        fallback={
          <EmptyState title={t('events.empty_title')} text={t('events.empty_text')}>
            <A class="button" href="/services">
              {t('events.browse')}
            </A>
          </EmptyState>
        }
      >
        <Show when={active().length > 0}>{list(active())}</Show>
        <Show when={finished().length > 0}>
          <section class="group" aria-labelledby="finished-events">
            <h2 id="finished-events">{t('events.finished')}</h2>
            {list(finished())}
          </section>
        </Show>
      </Show>
    </Page>
  );
}
