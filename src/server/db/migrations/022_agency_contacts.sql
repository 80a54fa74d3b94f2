-- How a person reaches an agency (phone, e-mail, where to go): shown on Help and beside every step and offer.
ALTER TABLE agencies ADD COLUMN contact jsonb;
