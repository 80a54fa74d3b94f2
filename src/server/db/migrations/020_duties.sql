-- A legal obligation (the call-up) is its own kind, not an offer: the person confirms its details
-- (status 'confirmed') and can neither accept nor decline it.
ALTER TABLE offers DROP CONSTRAINT offers_kind_check;
ALTER TABLE offers ADD CONSTRAINT offers_kind_check CHECK (kind IN ('consent', 'automatic', 'duty'));
ALTER TABLE offers DROP CONSTRAINT offers_status_check;
ALTER TABLE offers ADD CONSTRAINT offers_status_check
  CHECK (status IN ('pending', 'accepted', 'declined', 'granted', 'expired', 'confirmed'));
UPDATE offers SET kind = 'duty' WHERE NOT declinable;
