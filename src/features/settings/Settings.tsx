import { For, Show } from 'solid-js';
import type { Lang } from '../../contract/langs';
import { LANGS } from '../../contract/langs';
import { db } from '../../data/db';
import { createLiveQuery } from '../../data/live';
import { LANGUAGE_NAMES, language, setLanguage, t } from '../../i18n';
import { Page } from '../../ui/Page';
import { saveLanguage } from './actions';
import { PushCard } from './PushCard';
import { StorageCard } from './StorageCard';
import './settings.css';

/** Changes the app's language now and, when signed in, the person's language for messages too. */
async function chooseLanguage(lang: Lang) {
  await setLanguage(lang);
  if (await db.profile.get('me')) await saveLanguage(db, lang);
}

export default function Settings() {
  const signedIn = createLiveQuery(async (db) => (await db.profile.get('me')) !== undefined);
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
      <Show when={signedIn()}>
        <PushCard />
      </Show>
      <StorageCard />
    </Page>
  );
}
