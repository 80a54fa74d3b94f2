import { createResource, Show } from 'solid-js';
import { t } from '../../i18n';

/**
 * Asks the browser to keep the app's data (it may otherwise clear it when space runs low, and Safari
 * after 7 days unused) — offered here, with the reason, rather than at start-up.
 */
export function StorageCard() {
  const [persisted, { mutate }] = createResource(async () => (await navigator.storage?.persisted?.()) ?? true);
  const persist = async () => mutate(await navigator.storage.persist());
  return (
    <Show when={persisted() === false}>
      <section class="card">
        <h2>{t('storage.title')}</h2>
        <p>{t('storage.why')}</p>
        <button type="button" class="button" onClick={() => void persist()}>
          {t('storage.button')}
        </button>
      </section>
    </Show>
  );
}
