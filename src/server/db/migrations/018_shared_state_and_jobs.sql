-- What several API processes must share, kept here rather than in any one process's memory.

-- Rate limits: one row per key (e.g. "auth:<address>") and fixed window, counted by one upsert.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  count integer NOT NULL
);

CREATE INDEX rate_limits_window_idx ON rate_limits (window_start);

-- Background jobs (src/server/jobs/): one row per job. A process runs a job only while it holds the
-- job's lease; a failed run waits with back-off (next_run_at). The counts feed /api/ready.
CREATE TABLE jobs (
  name text PRIMARY KEY,
  lease_owner text,
  lease_until timestamptz,
  next_run_at timestamptz NOT NULL DEFAULT now(),
  failures integer NOT NULL DEFAULT 0,
  runs bigint NOT NULL DEFAULT 0,
  handled bigint NOT NULL DEFAULT 0,
  last_run_at timestamptz,
  last_ok_at timestamptz,
  last_error text
);

-- The development provider's state (oidc-provider's adapter): sessions, grants, codes and refresh
-- tokens survive a restart and are shared by every process.
CREATE TABLE oidc_store (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  uid text,
  expires_at timestamptz,
  PRIMARY KEY (model, id)
);

CREATE INDEX oidc_store_grant_idx ON oidc_store (grant_id);
CREATE INDEX oidc_store_uid_idx ON oidc_store (uid);
CREATE INDEX oidc_store_expires_idx ON oidc_store (expires_at);

-- Retention prunes tombstones from the change log; a cursor at or below the highest pruned one
-- could miss a deletion, so such a client starts again from a full snapshot.
ALTER TABLE person_clocks ADD COLUMN pruned_seq bigint NOT NULL DEFAULT 0;

CREATE INDEX person_changes_tombstones_idx ON person_changes (changed_at) WHERE op = 'delete';
CREATE INDEX push_deliveries_done_idx ON push_deliveries (created_at) WHERE status <> 'pending';
