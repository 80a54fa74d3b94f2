import type { MinuRiikDb } from '../../data/db';
import { enqueue } from '../../data/outbox';

/**
 * Marks a notification read at once and queues `notification.read`. Offline: shown read, sent later.
 * Rejected (e.g. the notification no longer exists): the change is undone and the person told why.
 */
export async function markNotificationRead(db: MinuRiikDb, notificationId: string): Promise<void> {
  const row = await db.notifications.get(notificationId);
  if (!row || row.readAt) return;
  await enqueue(db, {
    type: 'notification.read',
    payload: { notificationId },
    touches: [{ table: 'notifications', id: notificationId }],
    apply: () => db.notifications.update(notificationId, { readAt: new Date().toISOString() }),
    about: { table: 'notifications', id: notificationId },
  });
}
