-- Most offers of a cohort have no step yet (its case opens when the offer is taken up): the index by
-- step keeps only the offers that have one, and a cohort writes one index fewer per offer.
DROP INDEX offers_step_idx;

CREATE INDEX offers_step_idx ON offers (step_id) WHERE step_id IS NOT NULL;
