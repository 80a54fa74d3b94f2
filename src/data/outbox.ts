import type { Localized } from '../contract/i18n';
import type { MutationPayloads, MutationType } from '../contract/mutations';
import type { ItemRef, MinuRiikDb, OutboxEntry, PersonRow } from './db';

/** Where the server's refusals are kept until the person has read them (see sync.ts). */
export const REJECTIONS_KEY = 'sync.rejections';

type PersonTable =
  | 'profile'
  | 'settings'
  | 'cases'
  | 'steps'
  | 'offers'
  | 'notifications'
  | 'feedbackRequests'
  | 'dataUses';

/** A row as it was before an optimistic change, to put back if the server rejects the change. */
export interface UndoRecord {
  table: PersonTable;
  id: string;
  row: PersonRow | null;
}

export type QueuedEntry = OutboxEntry & { undo: UndoRecord[] };

/** The device's storage is full: nothing was queued or changed. */
export class StorageFullError extends Error {}

/** An action of one type of the contract (src/contract/mutations.ts), with that type's payload. */
export interface Action<T extends MutationType> {
  type: T;
  payload: MutationPayloads[T];
  /** The rows the optimistic change touches, so a rejection can put them back. */
  touches: { table: PersonTable; id: string }[];
  /** The optimistic change itself, run inside the same transaction as the queueing. */
  apply: () => Promise<unknown>;
  /** The row the action is about: it is shown pending ("ootel") until the server has applied the action. */
  about?: ItemRef;
  /** The item's name, to list what is unsent. */
  label?: Localized;
}

/**
 * Applies an action to IndexedDB at once and queues it for the server in the same transaction: both
 * happen or neither does, and the queue survives reloads, crashes and a week offline.
 * Offline: stays queued until the next sync. Rejected by the server: undone, and the person is told why.
 */
export async function enqueue<T extends MutationType>(db: MinuRiikDb, action: Action<T>): Promise<string> {
  const profile = await db.profile.get('me');
  if (!profile) throw new Error('enqueue: nobody is signed in');
  const id = crypto.randomUUID();
  const tables: string[] = [...new Set(action.touches.map((t) => t.table)), 'outbox', 'meta'];
  try {
    await db.transaction('rw', tables, async () => {
      const undo: UndoRecord[] = [];
      for (const { table, id: rowId } of action.touches) {
        undo.push({ table, id: rowId, row: (await db.table<PersonRow, string>(table).get(rowId)) ?? null });
      }
      await action.apply();
      // One member of the OutboxEntry union: TypeScript does not narrow a generic T's type and payload to it.
      const entry = {
        id,
        personId: String(profile.personId),
        type: action.type,
        payload: action.payload,
        createdAt: new Date().toISOString(),
        attempts: 0,
        undo,
        ...(action.about ? { about: action.about } : {}),
        ...(action.label ? { label: action.label } : {}),
      } as QueuedEntry;
      await db.outbox.add(entry);
      if (action.about) await forgetRejections(db, action.about);
    });
  } catch (error) {
    if (error instanceof Error && /quota/i.test(`${error.name} ${error.message}`))
      throw new StorageFullError(error.message);
    throw error;
  }
  return id;
}

/** Puts back what a rejected action changed and drops it from the queue, in one transaction. */
export async function undoEntry(db: MinuRiikDb, entry: QueuedEntry): Promise<void> {
  const tables = [...new Set((entry.undo ?? []).map((u) => u.table)), 'outbox'];
  await db.transaction('rw', tables, async () => {
    for (const { table, id, row } of [...(entry.undo ?? [])].reverse()) {
      if (row) await db.table(table).put(row);
      else await db.table(table).delete(id);
    }
    await db.outbox.delete(entry.seq!);
  });
}

/** A new action on an item replaces what the server said about the last one. */
async function forgetRejections(db: MinuRiikDb, about: ItemRef): Promise<void> {
  const list = ((await db.meta.get(REJECTIONS_KEY))?.value as { about?: ItemRef }[] | undefined) ?? [];
  const kept = list.filter((r) => r.about?.table !== about.table || r.about.id !== about.id);
  if (kept.length !== list.length) await db.meta.put({ key: REJECTIONS_KEY, value: kept });
}
