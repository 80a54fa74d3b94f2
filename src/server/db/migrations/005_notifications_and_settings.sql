-- The person's settings: language lives on persons; everything else the client may change is here.
CREATE TABLE person_settings (
  person_id uuid PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
  settings jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  topic text NOT NULL CHECK (topic IN ('offer', 'status', 'deadline', 'feedback', 'general')),
  title jsonb NOT NULL,
  body jsonb NOT NULL,
  link text,
  urgent boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);

CREATE INDEX notifications_person_idx ON notifications (person_id, created_at DESC);
