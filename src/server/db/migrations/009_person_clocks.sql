-- The per-person change counter moves out of persons into a narrow table of its own. A cohort raises
-- the counters of a million people at once: on persons every raise rewrote a wide row and all of its
-- indexes; here it is a small in-place (HOT) update, for which the pages keep room (fillfactor).
-- A row appears with the person's first change.
CREATE TABLE person_clocks (
  person_id uuid PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  change_seq bigint NOT NULL
) WITH (fillfactor = 50);

INSERT INTO person_clocks (person_id, change_seq) SELECT id, change_seq FROM persons WHERE change_seq > 0;

ALTER TABLE persons DROP COLUMN change_seq;
