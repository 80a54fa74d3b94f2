import { A } from '@solidjs/router';
import { For, lazy, Show } from 'solid-js';
import { useEventServices } from '../../data/catalogue-queries';
import { t } from '../../i18n';
import { localized } from '../../i18n/format';
import { InstallCard } from '../../ui/InstallCard';
import { Icon } from '../../ui/icons';
import { Page } from '../../ui/Page';
import { SignInCard } from '../auth/SignInCard';
import { useProfile } from '../auth/session';

// Only a signed-in person needs it: it stays out of the first load of a signed-out visit.
const Dashboard = lazy(() => import('./Dashboard').then((m) => ({ default: m.Dashboard })));

/** As many as the catalogue's life events, so the first visit's layout does not shift. */
const PLACEHOLDER_TILES = Array.from({ length: 8 }, (_, i) => i);

/**
 * Home: signed in, the person's dashboard; signed out, what the app is and "Sign in". Both open the
 * life events the state supports, so any service is at most two taps away.
 */
export function Home() {
  const services = useEventServices();
  const profile = useProfile();
  return (
    <Page title={t('home.title')} lead={profile() ? undefined : t('home.lead')}>
      <Show when={profile()} fallback={<SignInCard />}>
        {(person) => <Dashboard givenName={String(person().givenName)} />}
      </Show>
      <section class="group" aria-labelledby="home-events">
        <h2 id="home-events">{t('home.life_events')}</h2>
        <Show
          when={(services() ?? []).length > 0}
          fallback={
            // Placeholder tiles hold the grid's place, so nothing below moves when the catalogue arrives.
            <>
              <p class="visually-hidden">{t('home.loading_catalogue')}</p>
              <ul class="tile-grid" aria-hidden="true">
                <For each={PLACEHOLDER_TILES}>{() => <li class="tile tile-placeholder" />}</For>
              </ul>
            </>
          }
        >
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
