-- Who did it, when someone acted under a mandate: the mutation's actor (person_id stays its subject,
-- whose data it changed) and the person who decided an offer. NULL: the subject themselves.
ALTER TABLE applied_mutations ADD COLUMN actor_id uuid REFERENCES persons (id) ON DELETE SET NULL;
ALTER TABLE offers ADD COLUMN decided_by uuid REFERENCES persons (id) ON DELETE SET NULL;
