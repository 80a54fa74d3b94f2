import { A } from '@solidjs/router';
import { createSignal, For, lazy, Show, Suspense } from 'solid-js';
import type { EventService } from '../../contract/catalogue';
import { useEventServices } from '../../data/catalogue-queries';
import { t, withAllStrings } from '../../i18n';
import { localized } from '../../i18n/format';
import { InstallCard } from '../../ui/InstallCard';
import { Icon } from '../../ui/icons';
import { Page } from '../../ui/Page';
import { SignInCard } from '../auth/SignInCard';
import { useSignedIn } from '../auth/session';
import { DashboardSkeleton } from './DashboardSkeleton';

// Only a signed-in person needs it: it stays out of the first load of a signed-out visit.
const Dashboard = lazy(withAllStrings(() => import('./Dashboard').then((m) => ({ default: m.Dashboard }))));

/** As many as the catalogue's life events, so the first visit's layout does not shift. */
const PLACEHOLDER_TILES = Array.from({ length: 8 }, (_, i) => i);

/**
 * Home: signed in, the person's dashboard; signed out, what the app is and "Sign in". Both open the
 * life events the state supports, so any service is at most two taps away.
 */
export function Home() {
  const services = useEventServices();
  // Decided before the first render, so that a signed-in person's first frame is the dashboard's.
  const signedIn = useSignedIn();
  // Signed in, what comes below the dashboard waits for it: the dashboard then grows downwards only.
  const [dashboardShown, setDashboardShown] = createSignal(false);
  return (
    <Page title={t('home.title')} lead={signedIn() ? undefined : t('home.lead')}>
      <Show when={signedIn()} fallback={<SignInCard />}>
        <Suspense fallback={<DashboardSkeleton />}>
          <Dashboard onShown={() => setDashboardShown(true)} />
        </Suspense>
      </Show>
      <Show when={!signedIn() || dashboardShown()}>
        <LifeEventTiles services={services()} />
        <InstallCard />
      </Show>
    </Page>
  );
}

function LifeEventTiles(props: { services: EventService[] | undefined }) {
  const services = () => props.services;
  return (
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
  );
}
