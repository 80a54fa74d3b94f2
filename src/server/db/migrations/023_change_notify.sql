-- Live status: every statement that moves people's change counters tells the API processes listening on
-- channel person_changes whose counter moved and to what ("<person id>:<seq>,…"), once, at commit.
-- A statement that moves many (a cohort slice) says "*": each process then reads the counters of the
-- people it has a stream open for. NOTIFY's payload is limited to 8000 bytes: 100 entries fit.
-- (Written so that no line ends in a semicolon inside the body: migrate.ts splits statements there.)
CREATE FUNCTION notify_person_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('person_changes',
    CASE WHEN count(*) > 100 THEN '*' ELSE string_agg(person_id || ':' || change_seq, ',') END)
  FROM (SELECT person_id, change_seq FROM changed LIMIT 101) AS c HAVING count(*) > 0; RETURN NULL; END
$$;

CREATE TRIGGER person_clocks_inserted AFTER INSERT ON person_clocks
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_person_changes();
CREATE TRIGGER person_clocks_updated AFTER UPDATE ON person_clocks
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_person_changes();
