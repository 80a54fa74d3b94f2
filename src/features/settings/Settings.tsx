import { Show } from 'solid-js';
import { createLiveQuery } from '../../data/live';
import { usePendingFor } from '../../data/pending';
import { LANGUAGE_NAMES, language, t } from '../../i18n';
import { Page } from '../../ui/Page';
import { PendingNote } from '../../ui/Pending';
import { PushCard } from './PushCard';
import { StorageCard } from './StorageCard';
import './settings.css';

/** The language is chosen in one place, the top bar; this moves focus there. */
function focusLanguage(event: MouseEvent) {
  const select = document.getElementById('language');
  if (!select) return;
  event.preventDefault();
  select.focus();
  select.scrollIntoView({ block: 'nearest' });
}

export default function Settings() {
  const signedIn = createLiveQuery(async (db) => (await db.profile.get('me')) !== undefined, undefined, { own: true });
  const pending = usePendingFor('settings', () => 'settings');
  return (
    <Page title={t('settings.title')}>
      <Show when={pending()}>{(entry) => <PendingNote entry={entry()} what={t('settings.pending')} />}</Show>
      <section class="card settings-language" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.language')}</h2>
        <p>{t('settings.language_text', { language: LANGUAGE_NAMES[language()] })}</p>
        {/* biome-ignore lint/a11y/useValidAnchor: a real in-page link to the top bar's select; the handler only moves focus */}
        <a class="text-link" href="#language" onClick={focusLanguage}>
          {t('settings.change_language')}
        </a>
      </section>
      <Show when={signedIn()}>
        <PushCard />
      </Show>
      <StorageCard />
    </Page>
  );
}
