-- Cases: a person's instance of a life event (event service). A case is completed when every step is final.
CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  event_service_id text NOT NULL REFERENCES event_services (id),
  state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'completed', 'closed')),
  subject_name text,
  started_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  CHECK ((state = 'active') = (completed_at IS NULL))
);

CREATE INDEX cases_person_idx ON cases (person_id, started_at);

-- Steps: one per sub-service of the case's event service. person_id and agency_id are copied from the
-- case and the sub-service so that an agency event finds its step, and its scope, with one index.
CREATE TABLE steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  sub_service_id text NOT NULL REFERENCES sub_services (id),
  agency_id text NOT NULL REFERENCES agencies (id),
  status text NOT NULL CHECK (status IN ('not_started', 'action_needed', 'in_progress', 'waiting', 'completed', 'declined', 'not_applicable')),
  actor text CHECK (actor IN ('person', 'agency')),
  due_date date,
  waiting_on_step_id uuid REFERENCES steps (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, sub_service_id),
  CHECK ((status = 'waiting') = (waiting_on_step_id IS NOT NULL))
);

CREATE INDEX steps_person_sub_service_idx ON steps (person_id, sub_service_id);

-- Every status change of a step, the first (from_status null) when the step was created.
CREATE TABLE step_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  step_id uuid NOT NULL REFERENCES steps (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  from_status text,
  to_status text NOT NULL,
  reason jsonb NOT NULL,
  agency_event_id text
);

CREATE INDEX step_history_step_idx ON step_history (step_id, at, id);

-- API keys of agencies' systems: only the SHA-256 of the key is kept; scopes are the event types allowed.
CREATE TABLE agency_api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id text NOT NULL REFERENCES agencies (id),
  key_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  scopes text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Events applied, by the agency's own id: a repeat is answered with the stored response and applied
-- no second time. A refused event is not kept: sent again, it is judged again.
CREATE TABLE agency_events (
  agency_id text NOT NULL REFERENCES agencies (id),
  event_id text NOT NULL,
  type text NOT NULL,
  body_hash text NOT NULL,
  key_id uuid REFERENCES agency_api_keys (id),
  received_at timestamptz NOT NULL DEFAULT now(),
  response jsonb,
  PRIMARY KEY (agency_id, event_id)
);

CREATE INDEX agency_events_received_at_idx ON agency_events (received_at);
