import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../i18n';
import { Icon } from './icons';

export function OfflineBanner() {
  const [online, setOnline] = createSignal(navigator.onLine);
  const update = () => setOnline(navigator.onLine);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onCleanup(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });
  return (
    <div role="status" class="offline-slot">
      <Show when={!online()}>
        <p class="banner banner-offline">
          <Icon name="offline" size={20} />
          <span>{t('offline.banner')}</span>
        </p>
      </Show>
    </div>
  );
}
