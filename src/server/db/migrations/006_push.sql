-- Keys the server makes once and keeps (the VAPID key pair for Web Push).
CREATE TABLE server_keys (
  name text PRIMARY KEY,
  value jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per device that allowed push; the endpoint identifies the device's subscription.
CREATE TABLE push_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  endpoint text NOT NULL UNIQUE,
  p256dh text NOT NULL,
  auth text NOT NULL,
  vapid_public_key text NOT NULL,
  device_label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sent_at timestamptz
);

CREATE INDEX push_subscriptions_person_idx ON push_subscriptions (person_id);

-- A push to send: queued in the transaction that created the notification, sent by a worker.
-- Workers claim rows with a lease (FOR UPDATE SKIP LOCKED), so two processes never take the same one.
CREATE TABLE push_deliveries (
  id bigserial PRIMARY KEY,
  notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  subscription_id uuid NOT NULL REFERENCES push_subscriptions (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  not_before timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  last_error text
);

CREATE INDEX push_deliveries_due_idx ON push_deliveries (not_before) WHERE status = 'pending';
