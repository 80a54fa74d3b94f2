import type { Lang } from '../../contract/langs';
import type { PushTopic, SettingsRow } from '../../contract/person';
import type { MinuRiikDb } from '../../data/db';
import { enqueue } from '../../data/outbox';

/** Saves the person's language on the server too (through the outbox), so messages and pushes use it. */
export async function saveLanguage(db: MinuRiikDb, language: Lang): Promise<void> {
  const current = await db.settings.get('settings');
  if (!current || current.language === language) return;
  await enqueue(db, {
    type: 'settings.update',
    payload: { language },
    touches: [{ table: 'settings', id: 'settings' }],
    about: { table: 'settings', id: 'settings' },
    apply: () => db.settings.update('settings', { language }),
  });
}

/** Changes which topics are pushed or the quiet hours; queued like every other change. */
export async function updateNotificationSettings(
  db: MinuRiikDb,
  update: { push?: Partial<Record<PushTopic, boolean>>; quietHours?: SettingsRow['quietHours'] },
): Promise<void> {
  const current = (await db.settings.get('settings')) as SettingsRow | undefined;
  if (!current) return;
  await enqueue(db, {
    type: 'settings.update',
    payload: update,
    touches: [{ table: 'settings', id: 'settings' }],
    about: { table: 'settings', id: 'settings' },
    apply: () =>
      db.settings.put({
        ...current,
        push: { ...current.push, ...update.push },
        quietHours: update.quietHours === undefined ? current.quietHours : update.quietHours,
      }),
  });
}
