import { tallinnDate } from '../../contract/dates';
import type { OfferRow } from '../../contract/offers';
import { createLiveQuery } from '../../data/live';

/** Pending and still open: the person can answer it. A duty stands after its deadline: its details can still be confirmed. */
export const isOpen = (offer: OfferRow) =>
  offer.status === 'pending' && (offer.kind === 'duty' || offer.deadline >= tallinnDate());

/** Pending first, soonest deadline first; then the decided ones, latest first. */
export function inListOrder(offers: OfferRow[]): OfferRow[] {
  const pending = offers.filter((o) => o.status === 'pending').sort((a, b) => a.deadline.localeCompare(b.deadline));
  const decided = offers
    .filter((o) => o.status !== 'pending')
    .sort((a, b) => (b.decidedAt ?? b.createdAt).localeCompare(a.decidedAt ?? a.createdAt));
  return [...pending, ...decided];
}

export const useOffers = () => createLiveQuery(async (db) => db.offers.toArray());

export const useOffer = (id: () => string) =>
  createLiveQuery(async (db, key) => (await db.offers.get(key)) ?? null, id);

/** The pending offer on a step, if any (a consent step links to it). */
export const useStepOffer = (stepId: () => string) =>
  createLiveQuery(async (db, key) => {
    const offers = await db.offers.where('status').equals('pending').toArray();
    return offers.find((o) => o.stepId === key) ?? null;
  }, stepId);
