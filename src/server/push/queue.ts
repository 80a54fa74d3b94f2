import { tallinnDate } from '../../contract/dates';
import type { NotificationRow } from '../../contract/person';
import type { Queryable } from '../db/database';
import { loadSettings } from '../settings/store';
import { releaseTime } from './quiet-hours';

/**
 * Queues a push of the notification to each of the person's devices, in the caller's transaction, if
 * the person wants pushes on its topic, and to the devices of each parent or guardian with rights over
 * them now, by that person's own choices (the sender words theirs without the child's name). Not urgent
 * ones wait for the end of the receiver's quiet hours.
 */
export async function queuePushes(
  tx: Queryable,
  personId: string,
  n: NotificationRow,
  urgent: boolean,
  now = new Date(),
) {
  const { rows: holders } = await tx.query<{ actor_id: string }>(
    `SELECT DISTINCT actor_id FROM mandates WHERE subject_id = $1 AND kind IN ('parent', 'guardian')
       AND status = 'active' AND valid_until >= $2::date`,
    [personId, tallinnDate(now)],
  );
  for (const receiver of [personId, ...holders.map((h) => h.actor_id)]) {
    const settings = await loadSettings(tx, receiver);
    if (n.topic !== 'general' && !settings.push[n.topic]) continue;
    await tx.query(
      `INSERT INTO push_deliveries (notification_id, subscription_id, not_before)
       SELECT $1, id, $3 FROM push_subscriptions WHERE person_id = $2`,
      [n.id, receiver, releaseTime(now, settings.quietHours, urgent)],
    );
  }
}
