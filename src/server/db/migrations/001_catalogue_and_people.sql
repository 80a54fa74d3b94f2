CREATE TABLE agencies (
  id text PRIMARY KEY,
  name jsonb NOT NULL,
  url text NOT NULL
);

CREATE TABLE event_services (
  id text PRIMARY KEY,
  position integer NOT NULL,
  owner_agency_id text NOT NULL REFERENCES agencies (id),
  maturity text NOT NULL CHECK (maturity IN ('information', 'data_exchange', 'proactive')),
  name jsonb NOT NULL,
  description jsonb NOT NULL
);

CREATE TABLE sub_services (
  id text PRIMARY KEY,
  event_service_id text NOT NULL REFERENCES event_services (id),
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('core', 'convenience', 'exception')),
  provision text NOT NULL CHECK (provision IN ('automatic', 'consent', 'application')),
  agency_id text NOT NULL REFERENCES agencies (id),
  name jsonb NOT NULL,
  description jsonb NOT NULL,
  url text NOT NULL
);

CREATE INDEX sub_services_event_service_idx ON sub_services (event_service_id, position);

CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  personal_code text NOT NULL UNIQUE CHECK (personal_code ~ '^[1-8][0-9]{10}$'),
  given_name text NOT NULL,
  family_name text NOT NULL,
  preferred_language text NOT NULL DEFAULT 'et' CHECK (preferred_language IN ('et', 'en', 'ru', 'uk')),
  facts jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
