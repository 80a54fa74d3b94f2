import type { Queryable } from '../db/database';

/** How long things are kept (README "Retention"). */
export const RETENTION = {
  /** Mutation ids, against a repeat: a client offline longer than this may apply a change twice. */
  mutationDays: 30,
  /** Sent and failed push deliveries. */
  pushDays: 7,
  /** Deletions in the change log: a client whose cursor is older gets a full snapshot instead. */
  tombstoneDays: 30,
} as const;

const BATCH = 10_000;

async function count(db: Queryable, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH d AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM d`,
    params,
  );
  return rows[0].n;
}

/**
 * Deletes what is no longer needed, at most BATCH rows of each kind a run (the job runs again at once
 * while there is more): mutation ids, sent and dead pushes, ended sessions and sign-in attempts, the
 * development provider's expired state, ended rate-limit windows, and old deletions in the change log.
 */
export async function pruneRetained(db: Queryable, now = new Date()): Promise<number> {
  const at = now.toISOString();
  let n = 0;
  n += await count(
    db,
    `DELETE FROM applied_mutations WHERE id IN (SELECT id FROM applied_mutations
       WHERE applied_at < $1::timestamptz - make_interval(days => $2) LIMIT ${BATCH})`,
    [at, RETENTION.mutationDays],
  );
  n += await count(
    db,
    `DELETE FROM push_deliveries WHERE id IN (SELECT id FROM push_deliveries
       WHERE status <> 'pending' AND created_at < $1::timestamptz - make_interval(days => $2) LIMIT ${BATCH})`,
    [at, RETENTION.pushDays],
  );
  n += await count(
    db,
    `DELETE FROM sessions WHERE id_hash IN (SELECT id_hash FROM sessions
       WHERE idle_expires_at < $1::timestamptz OR absolute_expires_at < $1::timestamptz LIMIT ${BATCH})`,
    [at],
  );
  n += await count(db, `DELETE FROM auth_requests WHERE expires_at < $1::timestamptz`, [at]);
  n += await count(db, `DELETE FROM oidc_store WHERE expires_at < $1::timestamptz`, [at]);
  n += await count(db, `DELETE FROM rate_limits WHERE window_start < $1::timestamptz - interval '1 day'`, [at]);
  // Tombstones, and each person's floor below which a cursor may have missed one of them.
  const { rows } = await db.query<{ n: number }>(
    `WITH gone AS (
       DELETE FROM person_changes WHERE (person_id, entity, entity_id) IN (
         SELECT person_id, entity, entity_id FROM person_changes
         WHERE op = 'delete' AND changed_at < $1::timestamptz - make_interval(days => $2) LIMIT ${BATCH})
       RETURNING person_id, seq
     ), floors AS (SELECT person_id, max(seq) AS seq FROM gone GROUP BY person_id),
     raised AS (
       UPDATE person_clocks c SET pruned_seq = greatest(c.pruned_seq, f.seq) FROM floors f
       WHERE c.person_id = f.person_id RETURNING 1
     )
     SELECT (SELECT count(*)::int FROM gone) AS n`,
    [at, RETENTION.tombstoneDays],
  );
  return n + rows[0].n;
}
