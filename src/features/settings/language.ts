import type { Lang } from '../../contract/langs';
import { db } from '../../data/db';
import { setLanguage } from '../../i18n';
import { saveLanguage } from './actions';

/** Changes the app's language now and, when signed in, the person's language for messages too. */
export async function chooseLanguage(lang: Lang): Promise<void> {
  await setLanguage(lang);
  if (await db.profile.get('me')) await saveLanguage(db, lang);
}
