import { createSignal, onMount, Show } from 'solid-js';
import { afterPaint, whenIdle } from '../data/live';
import { t } from '../i18n';

/**
 * Registers the service worker once the page has loaded and painted (workbox-window stays out of the first
 * load) and, when a new version is waiting, offers a reload instead of swapping the app under the person.
 */
export function UpdatePrompt() {
  const [needRefresh, setNeedRefresh] = createSignal(false);
  const [reloadNeeded, setReloadNeeded] = createSignal(false);
  let update: ((reload?: boolean) => Promise<void>) | undefined;

  onMount(() => {
    window.addEventListener('minu-riik:reload-needed', () => setReloadNeeded(true));
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    const register = () =>
      import('virtual:pwa-register').then(({ registerSW }) => {
        update = registerSW({ immediate: true, onNeedRefresh: () => setNeedRefresh(true) });
      });
    const loaded = new Promise<void>((resolve) => {
      if (document.readyState === 'complete') resolve();
      else window.addEventListener('load', () => resolve(), { once: true });
    });
    void loaded
      .then(afterPaint)
      .then(() => whenIdle())
      .then(register);
  });

  return (
    <div class="toast-region" role="status" aria-live="polite">
      <Show when={needRefresh() || reloadNeeded()}>
        <div class="toast">
          <p>{t('update.available')}</p>
          <div class="toast-actions">
            <button
              type="button"
              class="button button-primary"
              onClick={() => (update && needRefresh() ? void update(true) : location.reload())}
            >
              {t('update.reload')}
            </button>
            <Show when={!reloadNeeded()}>
              <button type="button" class="button" onClick={() => setNeedRefresh(false)}>
                {t('update.later')}
              </button>
            </Show>
          </div>
        </div>
      </Show>
    </div>
  );
}
