-- A question after a service, to one person about one completed step. It becomes visible at
-- available_at (a day or so after the service) and expires 14 days later.
CREATE TABLE feedback_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  step_id uuid REFERENCES steps (id) ON DELETE SET NULL,
  sub_service_id text NOT NULL REFERENCES sub_services (id),
  agency_id text NOT NULL REFERENCES agencies (id),
  event_service_id text NOT NULL REFERENCES event_services (id),
  question text NOT NULL CHECK (question IN ('recommend', 'smooth')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'answered', 'dismissed', 'opted_out')),
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  notified_at timestamptz
);

CREATE INDEX feedback_requests_person_sub_idx ON feedback_requests (person_id, sub_service_id, created_at);
CREATE INDEX feedback_requests_due_idx ON feedback_requests (available_at) WHERE notified_at IS NULL;

-- The answers, tagged for statistics. One per request. Statistics never show the comment.
CREATE TABLE feedback_answers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL UNIQUE REFERENCES feedback_requests (id) ON DELETE CASCADE,
  sub_service_id text NOT NULL,
  agency_id text NOT NULL,
  event_service_id text NOT NULL,
  question text NOT NULL,
  language text NOT NULL,
  channel text NOT NULL,
  score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
  smoothness smallint CHECK (smoothness BETWEEN 0 AND 10),
  comment text CHECK (char_length(comment) <= 2000),
  answered_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX feedback_answers_stats_idx ON feedback_answers (sub_service_id, answered_at);

-- "Don't ask about this service again."
CREATE TABLE feedback_opt_outs (
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  sub_service_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, sub_service_id)
);
