import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { t } from '../../i18n';
import { pushState } from './push';
import './settings.css';

/**
 * After a meaningful moment (the person has an offer in front of them), not at page load: a short
 * invitation to get such news as a push. The explanation and the browser's question are in Settings.
 */
export function PushPrompt() {
  const [state] = createResource(pushState);
  return (
    <Show when={state() === 'off'}>
      <aside class="card push-prompt" aria-labelledby="push-prompt-title">
        <h2 id="push-prompt-title">{t('push.prompt_title')}</h2>
        <p>{t('push.prompt_text')}</p>
        <A class="button" href="/settings">
          {t('push.prompt_link')}
        </A>
      </aside>
    </Show>
  );
}
