import { For } from 'solid-js';
import { Page } from '../../app/Page';
import type { Lang } from '../../contract/langs';
import { LANGS } from '../../contract/langs';
import { db } from '../../data/db';
import { LANGUAGE_NAMES, language, setLanguage, t } from '../../i18n';
import { saveLanguage } from './actions';
import { StorageCard } from './StorageCard';

/** Changes the app's language now and, when signed in, the person's language for messages too. */
async function chooseLanguage(lang: Lang) {
  await setLanguage(lang);
  if (await db.profile.get('me')) await saveLanguage(db, lang);
}

export default function Settings() {
  return (
    <Page title={t('settings.title')}>
      <fieldset class="choice-group">
        <legend>{t('settings.language')}</legend>
        <For each={LANGS}>
          {(lang) => (
            <label class="choice">
              <input
                type="radio"
                name="language"
                value={lang}
                checked={language() === lang}
                onChange={() => void chooseLanguage(lang)}
              />
              <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>
            </label>
          )}
        </For>
      </fieldset>
      <StorageCard />
    </Page>
  );
}
