import type { ItemRef, OutboxEntry } from './db';
import { createLiveQuery } from './live';
import { online } from './online';
import { REJECTIONS_KEY, type Rejection } from './sync';
import { syncPhase } from './sync-service';

/**
 * What is waiting to be sent, read from the outbox itself: an item shows as pending ("ootel") exactly
 * while its action is queued, so the state is true by construction. And what the server refused.
 */

const sameItem = (a: ItemRef | undefined, table: string, id: string) => a?.table === table && a.id === id;

/** Every queued action, oldest first. */
export const useOutbox = () => createLiveQuery((db) => db.outbox.orderBy('seq').toArray() as Promise<OutboxEntry[]>);

/** The action queued about the row, if any (the latest). */
export const usePendingFor = (table: string, id: () => string) =>
  createLiveQuery(async (db, key) => {
    const entries = (await db.outbox.orderBy('seq').toArray()) as OutboxEntry[];
    return entries.filter((e) => sameItem(e.about, table, key)).at(-1) ?? null;
  }, id);

/** Queued actions by the rows they are about ("table:id"), for lists. */
export const usePendingItems = () =>
  createLiveQuery(async (db) => {
    const entries = (await db.outbox.toArray()) as OutboxEntry[];
    return new Map(entries.flatMap((e) => (e.about ? [[`${e.about.table}:${e.about.id}`, e] as const] : [])));
  });

/** The server's latest refusal of an action about the row, if any. */
export const useRejectionFor = (table: string, id: () => string) =>
  createLiveQuery(async (db, key) => {
    const list = ((await db.meta.get(REJECTIONS_KEY))?.value as Rejection[] | undefined) ?? [];
    return list.filter((r) => sameItem(r.about, table, key)).at(-1) ?? null;
  }, id);

/** Where a queued action stands: being sent now, or waiting for a network or a new sign-in. */
export type PendingPhase = 'sending' | 'offline' | 'signed_out';

export function pendingPhase(): PendingPhase {
  if (!online() || syncPhase() === 'offline') return 'offline';
  if (syncPhase() === 'signed_out') return 'signed_out';
  return 'sending';
}
