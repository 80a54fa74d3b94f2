-- A person's questions about a use of their data, to the agency that used it, and the agency's answers.
CREATE TABLE data_use_questions (
  id uuid PRIMARY KEY,
  data_use_id uuid NOT NULL REFERENCES data_uses (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  agency_id text NOT NULL REFERENCES agencies (id),
  text text NOT NULL,
  language text NOT NULL,
  asked_at timestamptz NOT NULL DEFAULT now(),
  answer text,
  answered_at timestamptz,
  CHECK ((answer IS NULL) = (answered_at IS NULL))
);

CREATE INDEX data_use_questions_use_idx ON data_use_questions (data_use_id, asked_at);
CREATE INDEX data_use_questions_agency_idx ON data_use_questions (agency_id, asked_at);
