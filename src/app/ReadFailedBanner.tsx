import { Show } from 'solid-js';
import { liveQueryFailed, retryLiveQueries } from '../data/live';
import { t } from '../i18n';

/** When the browser's storage refuses a read, the screen would wait for ever: this says so and offers to try again. */
export function ReadFailedBanner() {
  return (
    <div role="alert" class="read-failed-slot">
      <Show when={liveQueryFailed()}>
        <p class="banner banner-read-failed">
          <span>{t('read_failed.text')}</span>
          <button type="button" class="button" onClick={retryLiveQueries}>
            {t('read_failed.retry')}
          </button>
        </p>
      </Show>
    </div>
  );
}
