-- The words many data uses share. When a rule reads a cohort's register facts, every entry of the rule
-- reads the same (register, facts read, purpose, law), so they are kept once here rather than copied into
-- each of a million rows; in four languages they were nine tenths of an entry's bytes. An entry has
-- words of its own (an agency's use) or shared ones (text_id). Shared words are keyed by their content,
-- written before the entries that use them and never changed or deleted; text_id has no foreign key,
-- whose check per row would cost a cohort more than the sharing saves (as notification_texts, 015).
CREATE TABLE data_use_texts (
  id uuid PRIMARY KEY,
  register_name jsonb NOT NULL,
  categories jsonb NOT NULL,
  purpose jsonb NOT NULL,
  legal_basis jsonb NOT NULL,
  legal_url text
);

ALTER TABLE data_uses ADD COLUMN text_id uuid;

ALTER TABLE data_uses ALTER COLUMN register_name DROP NOT NULL;

ALTER TABLE data_uses ALTER COLUMN categories DROP NOT NULL;

ALTER TABLE data_uses ALTER COLUMN purpose DROP NOT NULL;

ALTER TABLE data_uses ALTER COLUMN legal_basis DROP NOT NULL;

ALTER TABLE data_uses ADD CONSTRAINT data_uses_own_or_shared_texts
  CHECK ((register_name IS NOT NULL AND categories IS NOT NULL AND purpose IS NOT NULL AND legal_basis IS NOT NULL)
    <> (text_id IS NOT NULL));

-- Every entry with its words, wherever they are kept: what the devices and the export read.
CREATE VIEW data_use_entries AS
SELECT d.id, d.person_id, d.source, d.agency_id, d.unit, d.agency_event_id, d.rule_id, d.register,
  coalesce(d.register_name, t.register_name) AS register_name,
  coalesce(d.categories, t.categories) AS categories,
  d.purpose_code,
  coalesce(d.purpose, t.purpose) AS purpose,
  d.purpose_text,
  coalesce(d.legal_basis, t.legal_basis) AS legal_basis,
  CASE WHEN d.text_id IS NULL THEN d.legal_url ELSE t.legal_url END AS legal_url,
  d.sub_service_id, d.offer_id, d.step_id, d.used_at, d.recorded_at
FROM data_uses d LEFT JOIN data_use_texts t ON t.id = d.text_id;

-- A cohort writes an entry per person and rule, so each check per row counts. The catalogue ids (agency,
-- sub-service) are checked by the code that writes them (data-uses/used.ts, the rules parsed at start);
-- offers and steps are never deleted but with their person, whose entries go with them. The unique key
-- begins with person_id and serves a person's entries as the index on (person_id, used_at) did.
ALTER TABLE data_uses DROP CONSTRAINT data_uses_agency_id_fkey;

ALTER TABLE data_uses DROP CONSTRAINT data_uses_sub_service_id_fkey;

ALTER TABLE data_uses DROP CONSTRAINT data_uses_offer_id_fkey;

ALTER TABLE data_uses DROP CONSTRAINT data_uses_step_id_fkey;

DROP INDEX data_uses_person_idx;
