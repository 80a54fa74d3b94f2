import { Hono } from 'hono';
import { type PushSubscriptionInfo, PushSubscriptionInput } from '../../contract/push';
import type { PersonEnv } from '../auth/context';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import { isAllowedPushEndpoint, pushOriginsFromEnv } from '../push/endpoints';
import type { VapidKeys } from '../push/vapid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /api/push/key: the server's VAPID public key (public; a client re-subscribes when it changes). */
export function pushKeyRoutes(vapid: VapidKeys) {
  return new Hono().get('/', (c) => c.json({ publicKey: vapid.publicKey }));
}

/** The signed-in person's push subscriptions, one per device. */
export function pushSubscriptionRoutes(
  db: Database,
  vapid: VapidKeys,
  allowedOrigins: readonly string[] = pushOriginsFromEnv(),
) {
  return new Hono<PersonEnv>()
    .get('/', async (c) => {
      const { rows } = await db.query<PushSubscriptionInfo>(
        `SELECT id, device_label AS "deviceLabel", created_at AS "createdAt", last_sent_at AS "lastSentAt"
         FROM push_subscriptions WHERE person_id = $1 ORDER BY created_at`,
        [c.get('person').id],
      );
      return c.json({ subscriptions: rows });
    })
    .post('/', async (c) => {
      const input = PushSubscriptionInput.safeParse(await c.req.json().catch(() => undefined));
      if (!input.success)
        throw new ApiError(400, 'invalid_body', input.error.issues[0]?.message ?? 'Invalid subscription');
      const { endpoint, keys, deviceLabel } = input.data;
      if (!isAllowedPushEndpoint(endpoint, allowedOrigins)) {
        throw new ApiError(422, 'push_service_not_allowed', 'This push service is not one the server sends to');
      }
      // The same person again (new keys, a new label) updates the row. Someone else's endpoint is refused,
      // never moved: whoever knows another's endpoint URL must not take their notifications.
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO push_subscriptions (person_id, endpoint, p256dh, auth, vapid_public_key, device_label)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth,
           vapid_public_key = excluded.vapid_public_key, device_label = excluded.device_label
         WHERE push_subscriptions.person_id = excluded.person_id
         RETURNING id`,
        [c.get('person').id, endpoint, keys.p256dh, keys.auth, vapid.publicKey, deviceLabel ?? null],
      );
      if (!rows[0]) throw new ApiError(409, 'endpoint_taken', 'This push subscription belongs to someone else');
      return c.json({ id: rows[0].id }, 201);
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      const { rows } = UUID.test(id)
        ? await db.query(`DELETE FROM push_subscriptions WHERE person_id = $1 AND id = $2 RETURNING id`, [
            c.get('person').id,
            id,
          ])
        : { rows: [] };
      if (rows.length === 0) throw new ApiError(404, 'not_found', 'No such subscription');
      return c.body(null, 204);
    });
}
