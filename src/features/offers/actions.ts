import { isFinalStatus } from '../../contract/cases';
import type { MinuRiikDb } from '../../data/db';
import { enqueue } from '../../data/outbox';

/**
 * Accepts an offer at once on this device and queues `offer.accept` (with the editable fields the
 * person corrected). Offline: shown accepted and the step in progress, sent later. Rejected (e.g. the
 * deadline passed): both are put back and the person is told why.
 */
export async function acceptOffer(db: MinuRiikDb, offerId: string, fields: Record<string, string> = {}): Promise<void> {
  const offer = await db.offers.get(offerId);
  if (offer?.status !== 'pending') return;
  const { stepId } = offer;
  const values = Object.fromEntries(offer.fields.map((f) => [f.key, fields[f.key] ?? f.value]));
  await enqueue(db, {
    type: 'offer.accept',
    payload: Object.keys(fields).length ? { offerId, fields } : { offerId },
    touches: [{ table: 'offers', id: offerId }, ...(stepId ? [{ table: 'steps' as const, id: stepId }] : [])],
    apply: async () => {
      await db.offers.update(offerId, {
        status: 'accepted',
        decidedAt: new Date().toISOString(),
        acceptedFields: values,
      });
      const step = stepId ? await db.steps.get(stepId) : undefined;
      if (step && ['not_started', 'action_needed', 'waiting'].includes(step.status)) {
        await db.steps.update(step.id, { status: 'in_progress', actor: 'agency', dueDate: null });
      }
    },
  });
}

/** Declines an offer (with an optional reason) at once and queues `offer.decline`; rejected: put back. */
export async function declineOffer(db: MinuRiikDb, offerId: string, reason?: string): Promise<void> {
  const offer = await db.offers.get(offerId);
  if (offer?.status !== 'pending') return;
  const { stepId } = offer;
  await enqueue(db, {
    type: 'offer.decline',
    payload: reason ? { offerId, reason } : { offerId },
    touches: [{ table: 'offers', id: offerId }, ...(stepId ? [{ table: 'steps' as const, id: stepId }] : [])],
    apply: async () => {
      await db.offers.update(offerId, {
        status: 'declined',
        decidedAt: new Date().toISOString(),
        declineReason: reason ?? null,
      });
      const step = stepId ? await db.steps.get(stepId) : undefined;
      if (step && !isFinalStatus(step.status)) {
        await db.steps.update(step.id, { status: 'declined', actor: null, dueDate: null });
      }
    },
  });
}
