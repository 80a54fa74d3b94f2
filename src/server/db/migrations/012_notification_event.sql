-- The agency event a notification came from (a cohort's notices of offers): with offers.agency_event_id,
-- what one change-log row of entity 'agency_event' stands for — everything the event made for the person.
ALTER TABLE notifications ADD COLUMN agency_event_id text;
