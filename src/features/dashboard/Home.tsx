import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { InstallCard } from '../../app/InstallCard';
import { Icon } from '../../app/icons';
import { Page } from '../../app/Page';
import { t } from '../../i18n';
import { localized } from '../../i18n/format';
import { useEventServices } from '../services/queries';

/** Home. Until sign-in exists it introduces the app and opens the life events the state supports. */
export function Home() {
  const services = useEventServices();
  return (
    <Page title={t('home.title')} lead={t('home.lead')}>
      <section class="group" aria-labelledby="home-events">
        <h2 id="home-events">{t('home.life_events')}</h2>
        <Show when={(services() ?? []).length > 0} fallback={<p class="muted">{t('home.loading_catalogue')}</p>}>
          <ul class="tile-grid">
            <For each={services()}>
              {(es) => (
                <li>
                  <A class="tile" href={`/services/${es.id}`}>
                    <span>{localized(es.name)}</span>
                    <Icon name="chevron" size={20} />
                  </A>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <A class="text-link" href="/services">
          {t('home.all_services')}
        </A>
      </section>
      <InstallCard />
    </Page>
  );
}
