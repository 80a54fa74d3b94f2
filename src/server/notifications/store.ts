import type { Localized } from '../../contract/i18n';
import type { NotificationRow, NotificationTopic } from '../../contract/person';
import type { Queryable } from '../db/database';
import { iso, isoOrNull } from '../db/timestamps';
import { queuePushes } from '../push/queue';
import { recordChange } from '../sync/changes';

interface NotificationDbRow {
  id: string;
  topic: NotificationTopic;
  title: Localized;
  body: Localized;
  link: string | null;
  created_at: Date | string;
  read_at: Date | string | null;
}

/** A notification's title or body: its own, or the text it shares with others (a cohort's: migration 015). */
export const notificationText = (n: string, column: 'title' | 'body') =>
  `coalesce(${n}.${column}, (SELECT x.${column} FROM notification_texts x WHERE x.id = ${n}.text_id))`;

/** The columns toNotificationRow reads, of `notifications ${n}`. */
export const notificationColumns = (n: string) =>
  `${n}.id, ${n}.topic, ${notificationText(n, 'title')} AS title, ${notificationText(n, 'body')} AS body,
   ${n}.link, ${n}.created_at, ${n}.read_at`;

export function toNotificationRow(row: NotificationDbRow): NotificationRow {
  return {
    id: row.id,
    topic: row.topic,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: iso(row.created_at),
    readAt: isoOrNull(row.read_at),
  };
}

export interface NewNotification {
  topic: NotificationTopic;
  title: Localized;
  body: Localized;
  link?: string;
  urgent?: boolean;
}

/** Creates a notification for the person, puts it in their change log and queues its pushes: all or nothing. */
export async function createNotification(
  tx: Queryable,
  personId: string,
  n: NewNotification,
): Promise<NotificationRow> {
  const { rows } = await tx.query<NotificationDbRow>(
    `INSERT INTO notifications AS n (person_id, topic, title, body, link, urgent) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${notificationColumns('n')}`,
    [personId, n.topic, n.title, n.body, n.link ?? null, n.urgent ?? false],
  );
  const row = toNotificationRow(rows[0]);
  await recordChange(tx, personId, 'notification', row.id, row);
  await queuePushes(tx, personId, row, n.urgent ?? false);
  return row;
}

/** Marks the person's notification read; false when the person has no such notification. */
export async function markNotificationRead(tx: Queryable, personId: string, id: string): Promise<boolean> {
  const { rows } = await tx.query<NotificationDbRow>(
    `UPDATE notifications n SET read_at = coalesce(read_at, now()) WHERE id = $1 AND person_id = $2
     RETURNING ${notificationColumns('n')}`,
    [id, personId],
  );
  if (rows.length === 0) return false;
  await recordChange(tx, personId, 'notification', id, toNotificationRow(rows[0]));
  return true;
}
