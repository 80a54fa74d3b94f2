import type { NotificationRow } from '../../contract/person';
import { createLiveQuery } from '../../data/live';

export const useNotifications = () =>
  createLiveQuery(
    async (db) => (await db.notifications.orderBy('createdAt').reverse().toArray()) as unknown as NotificationRow[],
  );

export const useUnreadCount = () =>
  createLiveQuery(async (db) => (await db.notifications.filter((n) => !n.readAt).count()) as number);
