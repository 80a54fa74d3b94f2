import type { Change, Entity, SyncPage } from '../../contract/sync';
import { dataUseJson } from '../data-uses/rows';
import type { Queryable } from '../db/database';
import { ApiError } from '../errors';
import { notificationColumns, toNotificationRow } from '../notifications/store';
import { loadEventOfferRows } from '../offers/rows';
import { encodeCursor } from './cursor';

export const PAGE_SIZE = 500;

/**
 * What a reference to an agency event stands for: the offers and notifications it made for the person,
 * and its rules' uses of the person's data (a cohort's).
 */
async function loadEventRows(db: Queryable, personId: string, eventId: string): Promise<Change[]> {
  const offers = await loadEventOfferRows(db, personId, eventId);
  const { rows: notifications } = await db.query<Parameters<typeof toNotificationRow>[0]>(
    `SELECT ${notificationColumns('n')} FROM notifications n WHERE n.person_id = $1 AND n.agency_event_id = $2`,
    [personId, eventId],
  );
  const { rows: uses } = await db.query<{ id: string; row: Record<string, unknown> }>(
    `SELECT d.id, ${dataUseJson('d')} AS row FROM data_use_entries d
     WHERE d.person_id = $1 AND d.agency_event_id = $2 AND d.source = 'rule' ORDER BY d.id`,
    [personId, eventId],
  );
  return [
    ...offers.map((data): Change => ({ entity: 'offer', id: data.id, op: 'put', data })),
    ...notifications.map((n): Change => ({ entity: 'notification', id: n.id, op: 'put', data: toNotificationRow(n) })),
    ...uses.map((u): Change => ({ entity: 'data_use', id: u.id, op: 'put', data: u.row })),
  ];
}

/**
 * The person's changes after `after`, oldest first, at most `limit`. From 0 it is a full snapshot,
 * so tombstones are left out: there is nothing on the client yet for them to delete. A reference to an
 * agency event is sent as the current state of its rows, which is at least as new as the reference.
 */
export async function pullChanges(
  db: Queryable,
  personId: string,
  after: number,
  limit = PAGE_SIZE,
): Promise<SyncPage> {
  // Retention pruned deletions up to prunedSeq: a cursor below it may have missed one, so that client
  // starts again from a snapshot (the client does on bad_cursor); a snapshot never needs them.
  const { rows: floor } = await db.query<{ pruned_seq: string | number }>(
    'SELECT pruned_seq FROM person_clocks WHERE person_id = $1',
    [personId],
  );
  const prunedSeq = Number(floor[0]?.pruned_seq ?? 0);
  if (after > 0 && after < prunedSeq) {
    throw new ApiError(400, 'bad_cursor', 'The sync cursor is older than the kept changes: sync from the start');
  }
  const { rows } = await db.query<{
    entity: Entity | 'agency_event';
    entity_id: string;
    op: 'put' | 'delete';
    data: Record<string, unknown> | null;
    seq: string;
  }>(
    `SELECT entity, entity_id, op, data, seq FROM person_changes
     WHERE person_id = $1 AND seq > $2 AND ($2 > 0 OR op = 'put')
     ORDER BY seq LIMIT $3`,
    [personId, after, limit + 1],
  );
  const page = rows.slice(0, limit);
  const changes: Change[] = [];
  for (const r of page) {
    if (r.entity === 'agency_event') changes.push(...(await loadEventRows(db, personId, r.entity_id)));
    else if (r.op === 'delete') changes.push({ entity: r.entity, id: r.entity_id, op: 'delete' });
    else changes.push({ entity: r.entity, id: r.entity_id, op: 'put', data: r.data ?? {} });
  }
  const more = rows.length > limit;
  const last = page.length > 0 ? Number(page[page.length - 1].seq) : after;
  // At the end of the log, the cursor is past any pruned deletion too.
  return { changes, cursor: encodeCursor(more ? last : Math.max(last, prunedSeq)), more };
}
