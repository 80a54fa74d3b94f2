import { For } from 'solid-js';
import { Page } from '../../app/Page';
import { LANGS } from '../../contract/langs';
import { LANGUAGE_NAMES, language, setLanguage, t } from '../../i18n';

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
                onChange={() => void setLanguage(lang)}
              />
              <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>
            </label>
          )}
        </For>
      </fieldset>
    </Page>
  );
}
