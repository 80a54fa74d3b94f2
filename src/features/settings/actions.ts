import type { Lang } from '../../contract/langs';
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
    apply: () => db.settings.update('settings', { language }),
  });
}
