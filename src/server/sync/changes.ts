import type { Entity } from '../../contract/sync';
import type { Queryable } from '../db/database';

/**
 * Records that a row the person's client mirrors changed: `data` is its new state as the client
 * sees it, `null` deletes it (a tombstone). Call it inside the transaction that made the change.
 */
export async function recordChange(
  tx: Queryable,
  personId: string,
  entity: Entity,
  entityId: string,
  data: Record<string, unknown> | null,
): Promise<void> {
  const { rows } = await tx.query(
    `WITH next AS (
       UPDATE persons SET change_seq = change_seq + 1 WHERE id = $1 RETURNING change_seq
     )
     INSERT INTO person_changes (person_id, entity, entity_id, seq, op, data)
     SELECT $1, $2, $3, next.change_seq, $4, $5 FROM next
     ON CONFLICT (person_id, entity, entity_id)
     DO UPDATE SET seq = excluded.seq, op = excluded.op, data = excluded.data, changed_at = now()
     RETURNING seq`,
    [personId, entity, entityId, data === null ? 'delete' : 'put', data],
  );
  if (rows.length === 0) throw new Error(`recordChange: no person ${personId}`);
}
