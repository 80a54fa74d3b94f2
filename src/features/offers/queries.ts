import type { OfferRow } from '../../contract/offers';
import { createLiveQuery } from '../../data/live';

/** The calendar date in Estonia now, YYYY-MM-DD: a deadline is "by the end of that day" there. */
export function todayInEstonia(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Tallinn',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Pending and still open: the person can answer it. A duty stands after its deadline: its details can still be confirmed. */
export const isOpen = (offer: OfferRow) =>
  offer.status === 'pending' && (offer.kind === 'duty' || offer.deadline >= todayInEstonia());

/** Pending first, soonest deadline first; then the decided ones, latest first. */
export function inListOrder(offers: OfferRow[]): OfferRow[] {
  const pending = offers.filter((o) => o.status === 'pending').sort((a, b) => a.deadline.localeCompare(b.deadline));
  const decided = offers
    .filter((o) => o.status !== 'pending')
    .sort((a, b) => (b.decidedAt ?? b.createdAt).localeCompare(a.decidedAt ?? a.createdAt));
  return [...pending, ...decided];
}

export const useOffers = () => createLiveQuery(async (db) => (await db.offers.toArray()) as unknown as OfferRow[]);

export const useOffer = (id: () => string) =>
  createLiveQuery(async (db, key) => ((await db.offers.get(key)) as unknown as OfferRow | undefined) ?? null, id);

/** The pending offer on a step, if any (a consent step links to it). */
export const useStepOffer = (stepId: () => string) =>
  createLiveQuery(async (db, key) => {
    const offers = (await db.offers.where('status').equals('pending').toArray()) as unknown as OfferRow[];
    return offers.find((o) => o.stepId === key) ?? null;
  }, stepId);
