import { Show } from 'solid-js';
import { online } from '../data/online';
import { t } from '../i18n';
import { Icon } from '../ui/icons';

export function OfflineBanner() {
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
