-- An offer keeps the register facts it was made from (the variables of its rule's texts), no longer
-- its texts in four languages: the rule renders them when the offer is read. A cohort writes a tenth
-- of the bytes per offer. Offers made before keep the texts they have.
ALTER TABLE offers ADD COLUMN vars jsonb;

ALTER TABLE offers ALTER COLUMN fields DROP NOT NULL;

ALTER TABLE offers ALTER COLUMN fields DROP DEFAULT;

ALTER TABLE offers ALTER COLUMN data_basis DROP NOT NULL;

ALTER TABLE offers ALTER COLUMN legal_basis DROP NOT NULL;

ALTER TABLE offers ADD CONSTRAINT offers_vars_or_texts CHECK (vars IS NOT NULL OR data_basis IS NOT NULL);

-- The event service and the agency are the sub-service's: read from there, not copied per offer.
ALTER TABLE offers DROP COLUMN event_service_id;

ALTER TABLE offers DROP COLUMN agency_id;
