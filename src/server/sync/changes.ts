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
       INSERT INTO person_clocks (person_id, change_seq) VALUES ($1, 1)
       ON CONFLICT (person_id) DO UPDATE SET change_seq = person_clocks.change_seq + 1
       RETURNING change_seq
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
 * op ('put' or 'delete'), data (jsonb) and rank (an integer ordering one person's rows) — whatever the
 * number of people. A row of entity `agency_event` (id the event's, no data) is a reference: it stands
 * for all the offers and notifications the event made for the person, read from their tables when the
 * client syncs (pull.ts), so a cohort writes one row per person, not two client rows per offer. Each person's counter is raised
 * once by their number of rows, which locks their clock row as recordChange does, so the per-person
 * ordering guarantee holds. The query must yield each (person_id, entity, entity_id) at most once.
 *
 * The CTEs that do it, ending in `recorded` (one row per row recorded), for a statement of one's own:
 * `query` may then read the RETURNING rows of the statement's data-modifying CTEs before them.
 */
export function recordChangesSql(query: string): string {
  return `changed AS MATERIALIZED (
       SELECT q.person_id, q.entity, q.entity_id, q.op, q.data,
              row_number() OVER (PARTITION BY q.person_id ORDER BY q.rank, q.entity, q.entity_id) AS n
       FROM (${query}) q
     ),
     totals AS (SELECT person_id, count(*) AS total FROM changed GROUP BY person_id),
     bumped AS (
       INSERT INTO person_clocks (person_id, change_seq) SELECT person_id, total FROM totals ORDER BY person_id
       ON CONFLICT (person_id) DO UPDATE SET change_seq = person_clocks.change_seq + excluded.change_seq
       RETURNING person_id, change_seq
     ),
     recorded AS (
       INSERT INTO person_changes (person_id, entity, entity_id, seq, op, data)
       SELECT c.person_id, c.entity, c.entity_id, b.change_seq - t.total + c.n, c.op, c.data
       FROM changed c JOIN totals t USING (person_id) JOIN bumped b USING (person_id) ORDER BY c.person_id, c.n
       ON CONFLICT (person_id, entity, entity_id)
       DO UPDATE SET seq = excluded.seq, op = excluded.op, data = excluded.data, changed_at = now()
       RETURNING 1
     )`;
}

/** recordChangesSql as a statement of its own; returns the number of rows recorded. */
export async function recordChangesForQuery(tx: Queryable, query: string, params: unknown[] = []): Promise<number> {
  const { rows } = await tx.query<{ n: string }>(
    `WITH ${recordChangesSql(query)} SELECT count(*) AS n FROM recorded`,
    params,
  );
  return Number(rows[0].n);
}
