import { For, Show } from 'solid-js';
import { subjectDb } from '../data/acting';
import { db } from '../data/db';
import { createLiveQuery } from '../data/live';
import { online } from '../data/online';
import { REJECTIONS_KEY, type Rejection } from '../data/sync';
import { requestSync, syncPhase, useLastSync } from '../data/sync-service';
import { t } from '../i18n';
import { formatDate } from '../i18n/format';
import { SyncLinePlace } from './SyncLinePlace';

const isToday = (iso: string) => new Date(iso).toDateString() === new Date().toDateString();

/**
 * What the person needs to trust the offline copy: when it was last updated, what is still waiting to
 * be sent, what the server refused and why, and that the session must be renewed to send anything.
 */
export function SyncStatus() {
  const pending = createLiveQuery((db) => db.outbox.orderBy('seq').toArray());
  const lastSuccess = useLastSync();
  const rejections = createLiveQuery(
    async (db) => ((await db.meta.get(REJECTIONS_KEY))?.value as Rejection[] | undefined) ?? [],
  );
  // The list is the one of the person the screens show, as the live query above reads it.
  const dismiss = (id: string, from = subjectDb(db)) =>
    from.transaction('rw', from.meta, async () => {
      const list = ((await from.meta.get(REJECTIONS_KEY))?.value as Rejection[] | undefined) ?? [];
      await from.meta.put({ key: REJECTIONS_KEY, value: list.filter((r) => r.id !== id) });
    });

  return (
    <Show when={syncPhase() !== 'stopped'} fallback={<SyncLinePlace />}>
      <div class="sync-status">
        <div role="alert">
          <For each={rejections()}>
            {(r) => (
              <div class="banner banner-error">
                <p>
                  {t(r.subject ? 'sync.rejected_for' : 'sync.rejected', {
                    action: t(`sync.mutation.${r.type}`, { defaultValue: r.type }),
                    name: r.subject,
                  })}{' '}
                  {t(`sync.reason.${r.code}`, { defaultValue: t('sync.reason.other') })}
                </p>
                <button type="button" class="button" onClick={() => void dismiss(r.id)}>
                  {t('sync.dismiss')}
                </button>
              </div>
            )}
          </For>
        </div>
        <Show when={(pending() ?? []).length > 0}>
          <details class="pending">
            <summary>{t('sync.pending', { count: pending()!.length })}</summary>
            <ul>
              <For each={pending()}>
                {(entry) => (
                  <li>
                    {t(`sync.mutation.${entry.type}`, { defaultValue: entry.type })} ·{' '}
                    {formatDate(entry.createdAt, { timeStyle: 'short', dateStyle: 'short' })}
                  </li>
                )}
              </For>
            </ul>
          </details>
        </Show>
        <p class="sync-line">
          <span>
            {lastSuccess()
              ? t('sync.updated_at', {
                  time: formatDate(
                    lastSuccess()!,
                    isToday(lastSuccess()!) ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
                  ),
                })
              : t('sync.never')}
          </span>
          {/* Offline it could do nothing: the offline banner says why nothing is updated. */}
          <Show when={online()}>
            <button
              type="button"
              class="link-button"
              onClick={() => void requestSync()}
              disabled={syncPhase() === 'syncing'}
            >
              {syncPhase() === 'syncing' ? t('sync.syncing') : t('sync.refresh')}
            </button>
          </Show>
        </p>
      </div>
    </Show>
  );
}
