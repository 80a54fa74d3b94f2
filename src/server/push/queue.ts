import type { NotificationRow } from '../../contract/person';
import type { Queryable } from '../db/database';
import { loadSettings } from '../settings/store';
import { releaseTime } from './quiet-hours';

/**
 * Queues a push of the notification to each of the person's devices, in the caller's transaction, if
 * the person wants pushes on its topic. Not urgent ones wait for the end of the person's quiet hours.
 */
export async function queuePushes(
  tx: Queryable,
  personId: string,
  n: NotificationRow,
  urgent: boolean,
  now = new Date(),
) {
  const settings = await loadSettings(tx, personId);
  if (n.topic !== 'general' && !settings.push[n.topic]) return;
  await tx.query(
    `INSERT INTO push_deliveries (notification_id, subscription_id, not_before)
     SELECT $1, id, $3 FROM push_subscriptions WHERE person_id = $2`,
    [n.id, personId, releaseTime(now, settings.quietHours, urgent)],
  );
}
