import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { PUSH_TOPICS, type PushTopic, type SettingsRow } from '../../contract/person';
import { db } from '../../data/db';
import { createLiveQuery } from '../../data/live';
import { t } from '../../i18n';
import { updateNotificationSettings } from './actions';
import { disablePush, enablePush, pushState } from './push';

/**
 * Push on this device, explained before the browser asks; and per topic what the person wants pushed.
 * In the app's inbox everything always arrives.
 */
export function PushCard() {
  const [state, { mutate }] = createResource(pushState);
  const [busy, setBusy] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  const settings = createLiveQuery(
    async (db) => (await db.settings.get('settings')) as SettingsRow | undefined,
    undefined,
    { own: true },
  );

  const run = async (work: () => Promise<Awaited<ReturnType<typeof pushState>>>) => {
    setBusy(true);
    setFailed(false);
    try {
      mutate(await work());
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const toggleTopic = (topic: PushTopic, on: boolean) => void updateNotificationSettings(db, { push: { [topic]: on } });

  return (
    <section class="card" aria-labelledby="push-title">
      <h2 id="push-title">{t('push.title')}</h2>
      <Switch>
        <Match when={state() === 'unsupported'}>
          <p>{t('push.unsupported')}</p>
        </Match>
        <Match when={state() === 'denied'}>
          <p>{t('push.blocked')}</p>
        </Match>
        <Match when={state() === 'off'}>
          <p>{t('push.explain')}</p>
          <button
            type="button"
            class="button button-primary"
            disabled={busy()}
            onClick={() => void run(() => enablePush())}
          >
            {t('push.enable')}
          </button>
        </Match>
        <Match when={state() === 'on'}>
          <p>{t('push.on')}</p>
          <button type="button" class="button" disabled={busy()} onClick={() => void run(disablePush)}>
            {t('push.disable')}
          </button>
        </Match>
      </Switch>
      <Show when={failed()}>
        <p class="form-error" role="alert">
          {t('push.failed')}
        </p>
      </Show>
      <Show when={settings()}>
        {(s) => (
          <>
            <fieldset class="choice-group">
              <legend>{t('push.topics')}</legend>
              <For each={PUSH_TOPICS}>
                {(topic) => (
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={s().push[topic]}
                      onChange={(e) => toggleTopic(topic, e.currentTarget.checked)}
                    />
                    <span>{t(`push.topic.${topic}`)}</span>
                  </label>
                )}
              </For>
            </fieldset>
            <label class="choice">
              <input
                type="checkbox"
                checked={s().quietHours !== null}
                onChange={(e) =>
                  void updateNotificationSettings(db, {
                    quietHours: e.currentTarget.checked ? { start: '22:00', end: '08:00' } : null,
                  })
                }
              />
              <span>{t('push.quiet_hours')}</span>
            </label>
          </>
        )}
      </Show>
    </section>
  );
}
