import { A } from '@solidjs/router';
import { createEffect, createMemo, createSignal, on, Show } from 'solid-js';
import type { FeedbackRequestRow } from '../../contract/feedback';
import type { NotificationRow } from '../../contract/person';
import { useEventServices } from '../../data/catalogue-queries';
import { createLiveQuery } from '../../data/live';
import { usePendingItems } from '../../data/pending';
import { useLastSync } from '../../data/sync-service';
import { t } from '../../i18n';
import { formatDate, localized } from '../../i18n/format';
import { CardSection } from '../../ui/CardSection';
import { PendingNote } from '../../ui/Pending';
import { useProfile } from '../auth/session';
import { CaseCard } from '../events/CaseCard';
import { personTasks } from '../events/progress';
import { useAllSteps, useCases } from '../events/queries';
import { StatusBadge } from '../events/StatusBadge';
import { useLatestNotifications } from '../inbox/queries';
import { offerTaskTitle, subServiceOf } from '../offers/labels';
import { isOpen, useOffers } from '../offers/queries';
import { DashboardSkeleton } from './DashboardSkeleton';

/**
 * The signed-in Home: what needs the person, their life events under way, the latest messages. Its skeleton
 * stays until every query has answered; then the sections appear top down, each in a task of its own
 * (short tasks, and each new section lands below the last, moving nothing), and `onShown` says the
 * dashboard is complete.
 */
export function Dashboard(props: { onShown: () => void }) {
  const profile = useProfile();
  const cases = useCases();
  const steps = useAllSteps();
  const services = useEventServices();
  const latestNotifications = useLatestNotifications(3);
  const service = (id: string) => services()?.find((s) => s.id === id);
  const caseOf = (id: string) => cases()?.find((c) => c.id === id);
  const subName = (caseId: string, subId: string) => {
    const sub = service(caseOf(caseId)?.eventServiceId ?? '')?.subServices.find((s) => s.id === subId);
    return sub ? localized(sub.name) : subId;
  };
  const feedback = createLiveQuery(async (db) => {
    const now = new Date().toISOString();
    return (await db.feedbackRequests.toArray()).filter(
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
  /** Answers still waiting to be sent: the task stays, marked pending, until the server has applied it. */
  const queued = usePendingItems();
  /** Everything waiting for the person, soonest deadline first. */
  const tasks = createMemo(() =>
    [
      ...openOffers().map((o) => {
        const sub = subServiceOf(o, services());
        return {
          key: o.id,
          href: `/offers/${o.id}`,
          title: offerTaskTitle(o, sub ? localized(sub.name) : o.subServiceId),
          due: o.deadline as string | null,
          status: undefined,
          pending: queued()?.get(`offers:${o.id}`),
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
    ].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999')),
  );
  const active = () => (cases() ?? []).filter((c) => c.state === 'active');
  const latest = (): NotificationRow[] => latestNotifications() ?? [];
  /** The feedback question is a request, not a task: one quiet card below the tasks, without a deadline. */
  const askFeedback = () => (feedback() ?? [])[0];
  const calm = () => tasks().length === 0 && active().length === 0 && latest().length === 0;
  /** Before the person's data has arrived on this device, nothing here means "not yet", not "calm". */
  const lastSync = useLastSync();
  const ready = () =>
    Boolean(profile()) &&
    [cases(), steps(), services(), latestNotifications(), feedback(), offers(), lastSync()].every(
      (v) => v !== undefined,
    );
  /** How many of the sections are shown: 1 the greeting and what needs the person, 2 the life events, 3 all. */
  const [shown, setShown] = createSignal(0);
  createEffect(
    on(ready, (isReady) => {
      if (!isReady || shown() > 0) return;
      setShown(1);
      const next = () =>
        setTimeout(() => {
          if (shown() === 3) return props.onShown();
          setShown((n) => n + 1);
          next();
        }, 0);
      next();
    }),
  );

  return (
    <Show when={shown() > 0} fallback={<DashboardSkeleton />}>
      <p class="greeting">{t('dashboard.greeting', { name: String(profile()?.givenName ?? '') })}</p>
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
      <CardSection id="needs-action" title={t('dashboard.needs_action')} items={tasks()}>
        {(task) => (
          <A class="card card-link step-action" href={task.href}>
            <span class="card-title">{task.title}</span>
            <Show when={task.status}>{(status) => <StatusBadge status={status()} />}</Show>
            <Show when={'pending' in task && task.pending}>{(entry) => <PendingNote entry={entry()} />}</Show>
            <Show when={task.due}>
              <span class="card-meta">{t('dashboard.due', { date: formatDate(task.due!) })}</span>
            </Show>
          </A>
        )}
      </CardSection>
      <Show when={shown() >= 2 && askFeedback()}>
        {(request) => (
          <section class="card feedback-card" aria-labelledby="feedback-card">
            <h2 id="feedback-card">{t('feedback.card_title')}</h2>
            <p>{t('feedback.card_text', { service: feedbackName(request()) })}</p>
            <A class="text-link" href={`/feedback/${request().id}`}>
              {t('feedback.card_link')}
            </A>
          </section>
        )}
      </Show>
      <Show when={shown() >= 2}>
        <CardSection id="active-events" title={t('dashboard.active_events')} items={active()}>
          {(c) => (
            <CaseCard
              case={c}
              steps={(steps() ?? []).filter((s) => s.caseId === c.id)}
              service={service(c.eventServiceId)}
            />
          )}
        </CardSection>
      </Show>
      <Show when={shown() >= 3}>
        <CardSection id="latest-messages" title={t('dashboard.latest')} items={latest()}>
          {(n) => (
            <A class="card card-link" href="/inbox">
              <span class="card-title">{localized(n.title)}</span>
              <span class="card-meta">{formatDate(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</span>
            </A>
          )}
        </CardSection>
      </Show>
    </Show>
  );
}
