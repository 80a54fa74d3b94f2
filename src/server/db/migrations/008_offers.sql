-- Proactive offers: a service the state proposes from register data (see src/server/rules). One offer
-- per person, sub-service and subject (the child it is for; '' when only the person), so the same
-- register fact reported twice, or by a cohort and a single event, still makes one offer.
CREATE TABLE offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  rule_id text NOT NULL,
  sub_service_id text NOT NULL REFERENCES sub_services (id),
  event_service_id text NOT NULL REFERENCES event_services (id),
  agency_id text NOT NULL REFERENCES agencies (id),
  case_id uuid REFERENCES cases (id) ON DELETE SET NULL,
  step_id uuid REFERENCES steps (id) ON DELETE SET NULL,
  subject_key text NOT NULL DEFAULT '',
  subject_name text,
  kind text NOT NULL CHECK (kind IN ('consent', 'automatic')),
  declinable boolean NOT NULL DEFAULT true,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'granted', 'expired')),
  deadline date NOT NULL,
  fields jsonb NOT NULL DEFAULT '[]',
  data_basis jsonb NOT NULL,
  legal_basis jsonb NOT NULL,
  agency_event_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  accepted_fields jsonb,
  decline_reason text,
  UNIQUE (person_id, sub_service_id, subject_key),
  CHECK ((status = 'pending') = (decided_at IS NULL))
);

CREATE INDEX offers_pending_deadline_idx ON offers (deadline) WHERE status = 'pending';

CREATE INDEX offers_step_idx ON offers (step_id);

-- Cohort events select people by birth date: ISO dates compare as text, so a text index serves ranges.
CREATE INDEX persons_birth_date_idx ON persons ((facts ->> 'birthDate'));
