import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { FeedbackRequestRow } from '../../contract/feedback';
import type { NotificationRow } from '../../contract/person';
import { useEventServices } from '../../data/catalogue-queries';
import { createLiveQuery } from '../../data/live';
import { useLastSync } from '../../data/sync-service';
import { t } from '../../i18n';
import { formatDate, localized } from '../../i18n/format';
import { CaseCard } from '../events/CaseCard';
import { personTasks } from '../events/progress';
import { useAllSteps, useCases } from '../events/queries';
import { StatusBadge } from '../events/StatusBadge';
import { useNotifications } from '../inbox/queries';
import { subServiceOf } from '../offers/labels';
import { isOpen, useOffers } from '../offers/queries';

/** The signed-in Home: what needs the person, their life events under way, the latest messages. */
export function Dashboard(props: { givenName: string }) {
  const cases = useCases();
  const steps = useAllSteps();
  const services = useEventServices();
  const notifications = useNotifications();
  const service = (id: string) => services()?.find((s) => s.id === id);
  const caseOf = (id: string) => cases()?.find((c) => c.id === id);
  const subName = (caseId: string, subId: string) => {
    const sub = service(caseOf(caseId)?.eventServiceId ?? '')?.subServices.find((s) => s.id === subId);
    return sub ? localized(sub.name) : subId;
  };
  const feedback = createLiveQuery(async (db) => {
    const now = new Date().toISOString();
    return ((await db.feedbackRequests.toArray()) as unknown as FeedbackRequestRow[]).filter(
      (r) => r.status === 'pending' && r.availableAt <= now && r.expiresAt > now,
    );
  });
  const feedbackName = (r: FeedbackRequestRow) => {
    const sub = service(r.eventServiceId)?.subServices.find((s) => s.id === r.subServiceId);
    return sub ? localized(sub.name) : r.subServiceId;
  };
  const offers = useOffers();
  /** Offers waiting for an answer; their steps are listed as the offer, not twice. */
  const openOffers = () => (offers() ?? []).filter(isOpen);
  const offerSteps = () => new Set(openOffers().map((o) => o.stepId));
  /** Everything waiting for the person, soonest deadline first. */
  const tasks = () =>
    [
      ...openOffers().map((o) => {
        const sub = subServiceOf(o, services());
        return {
          key: o.id,
          href: `/offers/${o.id}`,
          title: t('offers.dashboard_item', { service: sub ? localized(sub.name) : o.subServiceId }),
          due: o.deadline as string | null,
          status: undefined,
        };
      }),
      ...personTasks(cases() ?? [], steps() ?? [])
        .filter((step) => !offerSteps().has(step.id))
        .map((step) => ({
          key: step.id,
          href: `/events/${step.caseId}`,
          title: subName(step.caseId, step.subServiceId),
          due: step.dueDate,
          status: step.status,
        })),
      ...(feedback() ?? []).map((r) => ({
        key: r.id,
        href: `/feedback/${r.id}`,
        title: t('feedback.dashboard_item', { service: feedbackName(r) }),
        due: r.expiresAt.slice(0, 10),
        status: undefined,
      })),
    ].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  const active = () => (cases() ?? []).filter((c) => c.state === 'active');
  const latest = (): NotificationRow[] => (notifications() ?? []).slice(0, 3);
  const calm = () => tasks().length === 0 && active().length === 0 && latest().length === 0;
  /** Before the person's data has arrived on this device, nothing here means "not yet", not "calm". */
  const lastSync = useLastSync();

  return (
    <>
      <p class="greeting">{t('dashboard.greeting', { name: props.givenName })}</p>
      <Show when={cases() && lastSync() !== undefined && calm()}>
        <Show
          when={lastSync()}
          fallback={
            <p class="muted" role="status">
              {t('dashboard.arriving')}
            </p>
          }
        >
          <section class="empty-state">
            <h2>{t('dashboard.calm_title')}</h2>
            <p>{t('dashboard.calm_text')}</p>
          </section>
        </Show>
      </Show>
      <Show when={tasks().length > 0}>
        <section class="group" aria-labelledby="needs-action">
          <h2 id="needs-action">{t('dashboard.needs_action')}</h2>
          <ul class="card-list">
            <For each={tasks()}>
              {(task) => (
                <li>
                  <A class="card card-link step-action" href={task.href}>
                    <span class="card-title">{task.title}</span>
                    <Show when={task.status}>{(status) => <StatusBadge status={status()} />}</Show>
                    <Show when={task.due}>
                      <span class="card-meta">{t('dashboard.due', { date: formatDate(task.due!) })}</span>
                    </Show>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Show when={active().length > 0}>
        <section class="group" aria-labelledby="active-events">
          <h2 id="active-events">{t('dashboard.active_events')}</h2>
          <ul class="card-list">
            <For each={active()}>
              {(c) => (
                <li>
                  <CaseCard
                    case={c}
                    steps={(steps() ?? []).filter((s) => s.caseId === c.id)}
                    service={service(c.eventServiceId)}
                  />
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Show when={latest().length > 0}>
        <section class="group" aria-labelledby="latest-messages">
          <h2 id="latest-messages">{t('dashboard.latest')}</h2>
          <ul class="card-list">
            <For each={latest()}>
              {(n) => (
                <li>
                  <A class="card card-link" href="/inbox">
                    <span class="card-title">{localized(n.title)}</span>
                    <span class="card-meta">
                      {formatDate(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                    </span>
                  </A>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
