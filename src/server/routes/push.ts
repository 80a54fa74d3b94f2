import { Hono } from 'hono';
import { PushSubscriptionInput } from '../../contract/push';
import type { PersonEnv } from '../auth/context';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import { isAllowedPushEndpoint, pushOriginsFromEnv } from '../push/endpoints';
import { deleteSubscription, listSubscriptions, saveSubscription } from '../push/subscriptions';
import type { VapidKeys } from '../push/vapid';

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
    .get('/', async (c) => c.json({ subscriptions: await listSubscriptions(db, c.get('person').id) }))
    .post('/', async (c) => {
      const input = PushSubscriptionInput.safeParse(await c.req.json().catch(() => undefined));
      if (!input.success)
        throw new ApiError(400, 'invalid_body', input.error.issues[0]?.message ?? 'Invalid subscription');
      if (!isAllowedPushEndpoint(input.data.endpoint, allowedOrigins)) {
        throw new ApiError(422, 'push_service_not_allowed', 'This push service is not one the server sends to');
      }
      const id = await saveSubscription(db, c.get('person').id, input.data, vapid.publicKey);
      if (!id) throw new ApiError(409, 'endpoint_taken', 'This push subscription belongs to someone else');
      return c.json({ id }, 201);
    })
    .delete('/:id', async (c) => {
      if (!(await deleteSubscription(db, c.get('person').id, c.req.param('id'))))
        throw new ApiError(404, 'not_found', 'No such subscription');
      return c.body(null, 204);
    });
}
