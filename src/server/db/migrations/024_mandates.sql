-- Mandates (volitus): the right of `actor_id` to act for `subject_id`. Parental rights and guardianship
-- come from the population register (one row per parent or guardian and child or ward, kept up to date
-- by its events); authorisations are given in the app by the subject. A mandate holds while it is
-- active and until the end of `valid_until` (Tallinn): a parent's until the day before the child turns 18.
CREATE TABLE mandates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('parent', 'guardian', 'authorisation')),
  actor_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  subject_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  scope text NOT NULL CHECK (scope IN ('view', 'act')),
  -- Event services it covers; NULL: all of them.
  services text[],
  valid_until date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked', 'declined', 'removed')),
  agency_event_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  CHECK (actor_id <> subject_id),
  CHECK ((status = 'active') = (ended_at IS NULL)),
  -- Register mandates are removed (and restored) by the register; authorisations revoked or declined.
  CHECK ((kind = 'authorisation') = (status IN ('active', 'revoked', 'declined')) OR status = 'active')
);

CREATE UNIQUE INDEX mandates_register_idx ON mandates (kind, actor_id, subject_id) WHERE kind <> 'authorisation';
CREATE INDEX mandates_actor_idx ON mandates (actor_id, subject_id);
CREATE INDEX mandates_subject_idx ON mandates (subject_id);
