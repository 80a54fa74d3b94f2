import { createLiveQuery } from '../../data/live';

export const useNotifications = () =>
  createLiveQuery(async (db) => db.notifications.orderBy('createdAt').reverse().toArray());

export const useUnreadCount = () =>
  createLiveQuery(async (db) => (await db.notifications.filter((n) => !n.readAt).count()) as number);
