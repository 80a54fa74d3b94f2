-- Sign-in attempts under way: the browser holds a random value in an HttpOnly cookie and the provider
-- gets its SHA-256 hash as `state` (TARA's pattern). One use each; a few minutes to live.
CREATE TABLE auth_requests (
  state_hash text PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE INDEX auth_requests_expires_idx ON auth_requests (expires_at);

-- The app's sessions. The cookie holds a random id; only its SHA-256 hash is stored, so a copy of the
-- database gives no usable cookie. The provider's tokens stay here and never reach the browser.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  provider_sub text NOT NULL,
  provider_sid text,
  acr text,
  id_token text,
  id_token_expires_at timestamptz,
  refresh_token text,
  refresh_claimed_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL
);

CREATE INDEX sessions_person_idx ON sessions (person_id);
CREATE INDEX sessions_provider_sid_idx ON sessions (provider_sid);
CREATE INDEX sessions_idle_expires_idx ON sessions (idle_expires_at);
