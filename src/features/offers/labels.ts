import type { OfferRow } from '../../contract/offers';
import type { CatalogueEntry } from '../../data/db';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { isOpen } from './queries';

/** The sub-service an offer is for, from the catalogue. */
export function subServiceOf(offer: OfferRow, services: CatalogueEntry[] | undefined) {
  return services?.find((s) => s.id === offer.eventServiceId)?.subServices.find((s) => s.id === offer.subServiceId);
}

/**
 * An offer's line among the tasks: "The state offers: …", but only the benefit's own name after a death in
 * the family, where a bereaved person is not being sold something (docs/content-style.md).
 */
export function offerTaskTitle(offer: OfferRow, serviceName: string): string {
  if (offer.kind === 'duty') return t('offers.duty.dashboard_item', { service: serviceName });
  return offer.eventServiceId === 'death-of-close-one'
    ? serviceName
    : t('offers.dashboard_item', { service: serviceName });
}

/** One line on what the person can do and by when, or what became of the offer. */
export function offerLine(offer: OfferRow): string {
  const date = formatDate(offer.deadline);
  if (offer.status === 'pending') {
    if (offer.kind === 'duty') return t('offers.duty_notice', { date });
    if (!isOpen(offer)) return t('offers.expired_notice', { date });
    return offer.kind === 'automatic' ? t('offers.automatic_notice', { date }) : t('offers.accept_by', { date });
  }
  return statusLabel(offer);
}

/** The decided offer's status word: in the person's own voice only when they decided it themselves. */
export function statusLabel(offer: OfferRow): string {
  if (offer.decidedBy && ['accepted', 'declined', 'confirmed'].includes(offer.status)) {
    return t(`offers.status_others.${offer.status}`);
  }
  return offer.kind === 'duty' ? t(`offers.duty.status.${offer.status}`) : t(`offers.status.${offer.status}`);
}

/** Who decided and when, where it was someone acting for the person (a parent, someone they authorised). */
export function doneByText(offer: OfferRow): string | null {
  if (!offer.decidedBy || !offer.decidedAt) return null;
  const name = `${offer.decidedBy.givenName} ${offer.decidedBy.familyName}`;
  return t('offers.done_by', { name, date: formatDate(offer.decidedAt) });
}
