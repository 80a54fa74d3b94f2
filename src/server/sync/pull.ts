import type { Change, SyncPage } from '../../contract/sync';
import type { Queryable } from '../db/database';
import { encodeCursor } from './cursor';

export const PAGE_SIZE = 500;

/**
 * The person's changes after `after`, oldest first, at most `limit`. From 0 it is a full snapshot,
 * so tombstones are left out: there is nothing on the client yet for them to delete.
 */
export async function pullChanges(
  db: Queryable,
  personId: string,
  after: number,
  limit = PAGE_SIZE,
): Promise<SyncPage> {
  const { rows } = await db.query<{
    entity: Change['entity'];
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
  const changes: Change[] = page.map((r) =>
    r.op === 'put'
      ? { entity: r.entity, id: r.entity_id, op: 'put', data: r.data ?? {} }
      : { entity: r.entity, id: r.entity_id, op: 'delete' },
  );
  const last = page.length > 0 ? Number(page[page.length - 1].seq) : after;
  return { changes, cursor: encodeCursor(last), more: rows.length > limit };
}
