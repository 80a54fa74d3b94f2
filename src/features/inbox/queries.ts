import { createLiveQuery } from '../../data/live';

export const useNotifications = () =>
  createLiveQuery(async (db) => db.notifications.orderBy('createdAt').reverse().toArray());

/** The newest `count` messages, read through the index: the dashboard shows three of however many. */
export const useLatestNotifications = (count: number) =>
  createLiveQuery(async (db) => db.notifications.orderBy('createdAt').reverse().limit(count).toArray());

export const useUnreadCount = () =>
  createLiveQuery(async (db) => (await db.notifications.filter((n) => !n.readAt).count()) as number);
