import type { PushSubscriptionInfo, PushSubscriptionInput } from '../../contract/push';
import type { Queryable } from '../db/database';

/** Push subscriptions: one per device (endpoint), each of the person who first subscribed with it. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listSubscriptions(db: Queryable, personId: string): Promise<PushSubscriptionInfo[]> {
  const { rows } = await db.query<PushSubscriptionInfo>(
    `SELECT id, device_label AS "deviceLabel", created_at AS "createdAt", last_sent_at AS "lastSentAt"
     FROM push_subscriptions WHERE person_id = $1 ORDER BY created_at`,
    [personId],
  );
  return rows;
}

/**
 * Saves the device's subscription for the person and returns its id, or null when the endpoint is
 * someone else's: it is never moved, or whoever knows another's endpoint URL would take their pushes.
 */
export async function saveSubscription(
  db: Queryable,
  personId: string,
  { endpoint, keys, deviceLabel }: PushSubscriptionInput,
  vapidPublicKey: string,
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO push_subscriptions (person_id, endpoint, p256dh, auth, vapid_public_key, device_label)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth,
       vapid_public_key = excluded.vapid_public_key, device_label = excluded.device_label
     WHERE push_subscriptions.person_id = excluded.person_id
     RETURNING id`,
    [personId, endpoint, keys.p256dh, keys.auth, vapidPublicKey, deviceLabel ?? null],
  );
  return rows[0]?.id ?? null;
}

/** Removes one of the person's subscriptions; false when they have none with that id. */
export async function deleteSubscription(db: Queryable, personId: string, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const { rows } = await db.query('DELETE FROM push_subscriptions WHERE person_id = $1 AND id = $2 RETURNING id', [
    personId,
    id,
  ]);
  return rows.length > 0;
}
