import { For } from 'solid-js';
import { t } from '../../i18n';

const PLACEHOLDER_CARDS = [0, 1, 2];

/**
 * The dashboard's first frame, before the person's data is read from the device: the greeting's line and
 * a section of cards. Nothing is drawn below it until the data is in, so the data arrives without moving
 * anything already on the screen.
 */
export function DashboardSkeleton() {
  return (
    <div class="dashboard-skeleton">
      <p class="visually-hidden" role="status">
        {t('dashboard.loading')}
      </p>
      <div aria-hidden="true">
        <p class="greeting">
          <span class="skeleton-line">{'\u00a0'}</span>
        </p>
        <section class="group">
          <h2>
            <span class="skeleton-line">{'\u00a0'}</span>
          </h2>
          <ul class="card-list">
            <For each={PLACEHOLDER_CARDS}>{() => <li class="card card-placeholder" />}</For>
          </ul>
        </section>
      </div>
    </div>
  );
}
