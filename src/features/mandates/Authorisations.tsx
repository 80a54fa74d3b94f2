import { createMemo, For, Show } from 'solid-js';
import { tallinnDate } from '../../contract/dates';
import type { MandateRow } from '../../contract/mandates';
import { useEventServices } from '../../data/catalogue-queries';
import { usePendingItems } from '../../data/pending';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Page } from '../../ui/Page';
import { PendingNote } from '../../ui/Pending';
import { GrantForm } from './GrantForm';
import { servicesText } from './labels';
import { MandateCard } from './MandateCard';
import {
  inListOrder,
  latestGrantRejection,
  rejectionAbout,
  useMandates,
  usePendingGrants,
  useRejections,
} from './queries';
import './mandates.css';

/**
 * Authorisations (volitused): who may act for me and whom I may act for, each with its basis, scope,
 * services and end; revoke one I gave, decline one given to me, give a new one. Always the signed-in
 * person's own: nobody manages another person's authorisations.
 */
export default function Authorisations() {
  const today = tallinnDate();
  const mandates = useMandates();
  const catalogue = useEventServices();
  const queued = usePendingItems();
  const grants = usePendingGrants();
  const rejections = useRejections();
  const byRole = (role: MandateRow['role']) =>
    createMemo(() =>
      inListOrder(
        (mandates() ?? []).filter((m) => m.role === role),
        today,
      ),
    );
  const forMe = byRole('subject');
  const byMe = byRole('actor');

  const List = (props: { items: MandateRow[] }) => (
    <ul class="card-list">
      <For each={props.items}>
        {(m) => (
          <li>
            <MandateCard
              mandate={m}
              today={today}
              catalogue={catalogue()}
              pending={queued()?.get(`mandates:${m.id}`)}
              rejection={rejectionAbout(rejections(), m.id)}
            />
          </li>
        )}
      </For>
    </ul>
  );

  return (
    <Page title={t('mandates.title')} lead={t('mandates.lead')}>
      <Show when={mandates() !== undefined}>
        <section class="group" aria-labelledby="mandates-for-me">
          <h2 id="mandates-for-me">{t('mandates.for_me_title')}</h2>
          <Show when={forMe().length > 0 || (grants() ?? []).length > 0} fallback={<p>{t('mandates.for_me_empty')}</p>}>
            <ul class="card-list">
              <For each={grants()}>
                {(entry) => (
                  <li>
                    <section class="card mandate-card" aria-labelledby={`grant-${entry.id}`}>
                      <h3 id={`grant-${entry.id}`} class="card-title">
                        {t('mandates.code_title', { code: entry.payload.personalCode })}
                      </h3>
                      <dl class="facts">
                        <div>
                          <dt>{t('mandates.scope_label')}</dt>
                          <dd>{t(`mandates.scope.${entry.payload.scope}`)}</dd>
                        </div>
                        <div>
                          <dt>{t('mandates.services_label')}</dt>
                          <dd>{servicesText(entry.payload.services, catalogue())}</dd>
                        </div>
                        <div>
                          <dt>{t('mandates.until_label')}</dt>
                          <dd>{formatDate(entry.payload.validUntil)}</dd>
                        </div>
                      </dl>
                      <PendingNote entry={entry} what={t('mandates.pending.grant')} />
                    </section>
                  </li>
                )}
              </For>
            </ul>
            <List items={forMe()} />
          </Show>
        </section>
        <section class="group" aria-labelledby="mandates-by-me">
          <h2 id="mandates-by-me">{t('mandates.by_me_title')}</h2>
          <Show when={byMe().length > 0} fallback={<p>{t('mandates.by_me_empty')}</p>}>
            <List items={byMe()} />
          </Show>
        </section>
        <GrantForm rejection={latestGrantRejection(rejections())} />
      </Show>
    </Page>
  );
}
