import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { OfferRow } from '../../contract/offers';
import { useAgencies, useEventServices } from '../../data/catalogue-queries';
import { usePendingItems } from '../../data/pending';
import { t } from '../../i18n';
import { localized } from '../../i18n/format';
import { CardSection } from '../../ui/CardSection';
import { EmptyState, Page } from '../../ui/Page';
import { PendingNote } from '../../ui/Pending';
import { PushPrompt } from '../settings/PushPrompt';
import { offerLine, subServiceOf } from './labels';
import { inListOrder, useOffers } from './queries';
import './offers.css';

/** The proactive offers: those waiting for an answer first (soonest deadline first), then the decided ones. */
export default function Offers() {
  const offers = useOffers();
  const services = useEventServices();
  const agencies = useAgencies();
  const queued = usePendingItems();
  const ordered = () => inListOrder(offers() ?? []);
  const pending = () => ordered().filter((o) => o.status === 'pending');
  const decided = () => ordered().filter((o) => o.status !== 'pending');

  const card = (offer: OfferRow) => {
    // Functions, not values: the catalogue may arrive after the list first renders.
    const subName = () => {
      const sub = subServiceOf(offer, services());
      return sub ? localized(sub.name) : offer.subServiceId;
    };
    const agencyName = () => {
      const agency = agencies()?.get(offer.agencyId);
      return agency ? localized(agency.name) : offer.agencyId;
    };
    return (
      <A
        class="card card-link offer-card"
        classList={{ 'step-action': offer.status === 'pending' }}
        href={`/offers/${offer.id}`}
      >
        <span class="card-title">{subName()}</span>
        <Show when={offer.subjectName}>
          <span>{t('offers.for_subject', { name: offer.subjectName })}</span>
        </Show>
        <span class="card-meta">{agencyName()}</span>
        <Show when={queued()?.get(`offers:${offer.id}`)} fallback={<span class="offer-line">{offerLine(offer)}</span>}>
          {(entry) => <PendingNote entry={entry()} />}
        </Show>
      </A>
    );
  };

  return (
    <Page title={t('offers.title')}>
      <Show
        when={(offers() ?? []).length > 0}
        fallback={
          <Show when={offers()}>
            <EmptyState title={t('offers.empty_title')} text={t('offers.empty_text')} />
          </Show>
        }
      >
        <CardSection id="offers-pending" title={t('offers.pending')} items={pending()}>
          {card}
        </CardSection>
        <CardSection id="offers-decided" title={t('offers.decided')} items={decided()}>
          {card}
        </CardSection>
        <PushPrompt />
      </Show>
    </Page>
  );
}
