-- New people get time-ordered ids: the persons table, its primary key and every index that begins with
-- person_id then follow one order, so a cohort cut into ranges of ids writes each page once.
ALTER TABLE persons ALTER COLUMN id SET DEFAULT time_ordered_uuid();
