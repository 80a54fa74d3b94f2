import type { Localized } from '../../contract/i18n';
import type { MutationPayloads } from '../../contract/mutations';
import type { MinuRiikDb, OutboxEntry } from '../../data/db';
import { enqueue } from '../../data/outbox';

/**
 * Answers to an offer or a duty. Nothing is changed on the device before the server has applied the
 * answer: the offer stays as it is, shown "ootel" (pending) from its outbox entry, and the dashboard
 * keeps its task; the server's change arrives by sync. A rejection drops the entry and says why.
 */

async function queued(db: MinuRiikDb, offerId: string): Promise<boolean> {
  const entries = (await db.outbox.toArray()) as OutboxEntry[];
  return entries.some((e) => e.about?.table === 'offers' && e.about.id === offerId);
}

type OfferMutation = 'offer.accept' | 'offer.decline' | 'offer.undo_decline' | 'duty.confirm';

async function answer<T extends OfferMutation>(
  db: MinuRiikDb,
  type: T,
  payload: MutationPayloads[T],
  label?: Localized,
) {
  if (await queued(db, payload.offerId)) return;
  await enqueue(db, {
    type,
    payload,
    touches: [],
    apply: async () => undefined,
    about: { table: 'offers', id: payload.offerId },
    label,
  });
}

const withFields = (offerId: string, fields: Record<string, string>) =>
  Object.keys(fields).length ? { offerId, fields } : { offerId };

/** `offer.accept`, with the editable fields the person corrected. */
export const acceptOffer = (db: MinuRiikDb, offerId: string, fields: Record<string, string> = {}, label?: Localized) =>
  answer(db, 'offer.accept', withFields(offerId, fields), label);

/** `duty.confirm`: the person checked a duty's details, with their corrections. */
export const confirmDuty = (db: MinuRiikDb, offerId: string, fields: Record<string, string> = {}, label?: Localized) =>
  answer(db, 'duty.confirm', withFields(offerId, fields), label);

/** `offer.decline`, with an optional reason. */
export const declineOffer = (db: MinuRiikDb, offerId: string, reason?: string, label?: Localized) =>
  answer(db, 'offer.decline', reason ? { offerId, reason } : { offerId }, label);

/** `offer.undo_decline`: takes a decline back while the offer is open. */
export const undoDecline = (db: MinuRiikDb, offerId: string, label?: Localized) =>
  answer(db, 'offer.undo_decline', { offerId }, label);
