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

/**
 * The set-based recordChange: records every row `query` yields — columns person_id, entity, entity_id,
 * data (jsonb; null for a tombstone) and rank (an integer ordering one person's rows) — in one statement,
 * whatever the number of people. Each person's counter is raised once by their number of rows, which
 * locks their persons row as recordChange does, so the per-person ordering guarantee holds. The query
 * must yield each (person_id, entity, entity_id) at most once. Returns the number of rows recorded.
 */
export async function recordChangesForQuery(tx: Queryable, query: string, params: unknown[] = []): Promise<number> {
  const { rows } = await tx.query<{ n: string }>(
    `WITH changed AS MATERIALIZED (
       SELECT q.person_id, q.entity, q.entity_id, q.data,
              row_number() OVER (PARTITION BY q.person_id ORDER BY q.rank, q.entity, q.entity_id) AS n
       FROM (${query}) q
     ),
     bumped AS (
       UPDATE persons p SET change_seq = p.change_seq + c.total
       FROM (SELECT person_id, count(*) AS total FROM changed GROUP BY person_id) c
       WHERE p.id = c.person_id
       RETURNING p.id, p.change_seq - c.total AS base
     ),
     inserted AS (
       INSERT INTO person_changes (person_id, entity, entity_id, seq, op, data)
       SELECT c.person_id, c.entity, c.entity_id, b.base + c.n, CASE WHEN c.data IS NULL THEN 'delete' ELSE 'put' END, c.data
       FROM changed c JOIN bumped b ON b.id = c.person_id
       ON CONFLICT (person_id, entity, entity_id)
       DO UPDATE SET seq = excluded.seq, op = excluded.op, data = excluded.data, changed_at = now()
       RETURNING 1
     )
     SELECT count(*) AS n FROM inserted`,
    params,
  );
  return Number(rows[0].n);
}
