-- Uses of a person's data: reported by an agency (event data.used) or made by the app's own rules when
-- they read register facts to decide an offer. The words (register, categories, purpose) are kept as
-- they were when the use happened, so an entry reads the same years later.
CREATE TABLE data_uses (
  id uuid PRIMARY KEY DEFAULT time_ordered_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  source text NOT NULL CHECK (source IN ('agency', 'rule')),
  agency_id text NOT NULL REFERENCES agencies (id),
  unit text,
  -- The agency's event (source agency) or the event the rule ran on (source rule).
  agency_event_id text NOT NULL,
  -- A rule's use: one entry per person and rule; '' for an agency's use.
  rule_id text NOT NULL DEFAULT '',
  register text NOT NULL,
  register_name jsonb NOT NULL,
  -- [{code, name}]: the categories of data used (an agency's use) or the facts read (a rule's).
  categories jsonb NOT NULL,
  purpose_code text NOT NULL,
  purpose jsonb NOT NULL,
  purpose_text jsonb,
  legal_basis jsonb NOT NULL,
  legal_url text,
  sub_service_id text REFERENCES sub_services (id),
  offer_id uuid REFERENCES offers (id) ON DELETE SET NULL,
  step_id uuid REFERENCES steps (id) ON DELETE SET NULL,
  used_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, agency_id, agency_event_id, rule_id)
);

CREATE INDEX data_uses_person_idx ON data_uses (person_id, used_at);
