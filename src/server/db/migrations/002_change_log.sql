-- Per person, a counter that orders that person's changes. Taking it locks the person's row, so two
-- transactions writing for the same person commit their changes in counter order: a reader who has
-- seen change n never later finds a change below n appear.
ALTER TABLE persons ADD COLUMN change_seq bigint NOT NULL DEFAULT 0;

-- The change log, compacted: the latest state of every row the client mirrors, with the counter value
-- of its last change. A sync after cursor n is the rows with seq > n; the first sync (n = 0) is a full
-- snapshot. Deleted rows stay as tombstones (op = 'delete', data null).
CREATE TABLE person_changes (
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  entity text NOT NULL,
  entity_id text NOT NULL,
  seq bigint NOT NULL,
  op text NOT NULL CHECK (op IN ('put', 'delete')),
  data jsonb,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, entity, entity_id)
);

CREATE UNIQUE INDEX person_changes_seq_idx ON person_changes (person_id, seq);

-- Mutations applied, by the client's id: a repeat is answered "duplicate" and applied no second time.
CREATE TABLE applied_mutations (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  type text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'rejected')),
  code text,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX applied_mutations_applied_at_idx ON applied_mutations (applied_at);
