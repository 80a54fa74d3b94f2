import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { mayAct, subjectDb } from '../../data/acting';
import { db } from '../../data/db';
import { usePendingItems } from '../../data/pending';
import { t } from '../../i18n';
import { formatDate, localized } from '../../i18n/format';
import { forSubject, NotAllowedNote } from '../../ui/acting';
import { actionErrorText } from '../../ui/action-error';
import { EmptyState, Page } from '../../ui/Page';
import { PendingNote } from '../../ui/Pending';
import { markNotificationRead } from './actions';
import { useNotifications } from './queries';
import './inbox.css';

export default function Inbox() {
  const notifications = useNotifications();
  const navigate = useNavigate();
  const [error, setError] = createSignal<string>();
  const queued = usePendingItems();
  const unread = () => (notifications() ?? []).filter((n) => !n.readAt);
  /** Acting for someone: a notification names no service, so marking it read needs a mandate for all. */
  const may = () => mayAct(null);

  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(actionErrorText(e));
    }
  };
  const open = (id: string, link: string | null) =>
    act(async () => {
      if (may() === 'yes') await markNotificationRead(subjectDb(db), id);
      if (link) navigate(link);
    });
  const markAll = () =>
    act(async () => {
      for (const n of unread()) await markNotificationRead(subjectDb(db), n.id);
    });

  return (
    <Page title={t('inbox.title')}>
      <p role="alert" class="form-error">
        {error()}
      </p>
      <Show
        when={(notifications() ?? []).length > 0}
        fallback={
          <Show when={notifications()}>
            <EmptyState title={t('inbox.empty_title')} text={t('inbox.empty_text')} />
          </Show>
        }
      >
        <Show when={unread().length > 0}>
          <Show when={may() === 'yes'} fallback={<NotAllowedNote may={may()} why="messages" />}>
            <button type="button" class="button" onClick={() => void markAll()}>
              {forSubject(t('inbox.mark_all_read'))}
            </button>
          </Show>
        </Show>
        <ul class="card-list inbox-list">
          <For each={notifications()}>
            {(n) => (
              <li class="card notification" classList={{ unread: !n.readAt }}>
                <h2 class="notification-title">
                  <Show when={!n.readAt}>
                    <span class="tag">{t('inbox.unread')}</span>{' '}
                  </Show>
                  {localized(n.title)}
                </h2>
                <p>{localized(n.body)}</p>
                <Show when={queued()?.get(`notifications:${n.id}`)}>
                  {(entry) => <PendingNote entry={entry()} what={t('inbox.read_pending')} />}
                </Show>
                <p class="card-meta">
                  <time datetime={n.createdAt}>
                    {formatDate(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </time>
                </p>
                <div class="notification-actions">
                  <Show when={n.link}>
                    <button type="button" class="button button-primary" onClick={() => void open(n.id, n.link)}>
                      {t('inbox.open')}
                    </button>
                  </Show>
                  <Show when={!n.readAt && may() === 'yes'}>
                    <button
                      type="button"
                      class="button"
                      onClick={() => void act(() => markNotificationRead(subjectDb(db), n.id))}
                    >
                      {forSubject(t('inbox.mark_read'))}
                    </button>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Page>
  );
}
