import type { StepStatus } from '../../contract/cases';
import { isFinalStatus } from '../../contract/cases';
import { tallinnDate } from '../../contract/dates';
import type { Localized } from '../../contract/i18n';
import type { OfferAcceptPayload, OfferDeclinePayload, OfferRow } from '../../contract/offers';
import type { SessionPerson } from '../auth/context';
import { afterStepChanged } from '../cases/effects';
import { changeStep, ensureCase } from '../cases/store';
import type { Database, Queryable } from '../db/database';
import { MutationRejected } from '../errors';
import { OFFER_TEXT } from '../rules/texts';
import { recordChange } from '../sync/changes';
import { loadOfferRow, offerText } from './rows';

/**
 * Decisions on offers: the only place that changes them after they are made (engine.ts and cohort.ts
 * make them). Every change records the new client row in the person's change log in the same transaction.
 */

/**
 * Moves the offer's step as a decision on the offer requires, with its notification and feedback
 * (afterStepChanged). A step that is final already, or already in that status, is left as it is.
 */
async function moveStep(tx: Queryable, stepId: string | null, to: StepStatus, reason: Localized, now: Date) {
  if (!stepId) return;
  const { rows } = await tx.query<{ status: StepStatus; updated_at: Date | string }>(
    'SELECT status, updated_at FROM steps WHERE id = $1',
    [stepId],
  );
  const step = rows[0];
  if (!step || isFinalStatus(step.status) || step.status === to) return;
  const at = new Date(Math.max(now.getTime(), new Date(step.updated_at).getTime()));
  const changed = await changeStep(tx, stepId, { status: to, reason, at });
  await afterStepChanged(tx, changed, reason);
}

interface OfferDbRow {
  id: string;
  person_id: string;
  agency_id: string;
  event_service_id: string;
  sub_service_id: string;
  subject_name: string | null;
  step_id: string | null;
  kind: 'consent' | 'automatic';
  declinable: boolean;
  status: OfferRow['status'];
  deadline: string;
}

const OFFER_COLUMNS = `o.id, o.person_id, s.agency_id, s.event_service_id, o.sub_service_id, o.subject_name, o.step_id,
  o.kind, to_char(o.deadline, 'YYYY-MM-DD') AS deadline`;

/**
 * The step of an offer taken up (accepted, or granted without a word). An offer that came without a
 * case (a cohort's, see cohort.ts) opens its life event now, or joins the one opened since.
 */
async function takeUpStep(tx: Queryable, offer: OfferDbRow, now: Date): Promise<string | null> {
  if (offer.step_id) return offer.step_id;
  const { caseId } = await ensureCase(tx, offer.person_id, offer.event_service_id, offer.subject_name, now);
  const { rows } = await tx.query<{ step_id: string }>(
    `UPDATE offers o SET case_id = s.case_id, step_id = s.id FROM steps s
     WHERE o.id = $1 AND s.case_id = $2 AND s.sub_service_id = o.sub_service_id RETURNING o.step_id`,
    [offer.id, caseId],
  );
  return rows[0]?.step_id ?? null;
}

async function lockOffer(tx: Queryable, personId: string, offerId: string): Promise<OfferDbRow> {
  // The person first, as every writer of their change log does, then the offer.
  await tx.query('SELECT 1 FROM persons WHERE id = $1 FOR NO KEY UPDATE', [personId]);
  const { rows } = await tx.query<OfferDbRow>(
    `SELECT ${OFFER_COLUMNS}, o.declinable, o.status FROM offers o JOIN sub_services s ON s.id = o.sub_service_id
     WHERE o.id = $1 AND o.person_id = $2 FOR UPDATE OF o`,
    [offerId, personId],
  );
  if (!rows[0]) throw new MutationRejected('not_found', 'No such offer');
  return rows[0];
}

function checkOpen(offer: OfferDbRow, now: Date) {
  if (offer.status !== 'pending') throw new MutationRejected('offer_decided', `The offer is already ${offer.status}`);
  if (tallinnDate(now) > offer.deadline) {
    throw new MutationRejected('offer_expired', `The offer's deadline ${offer.deadline} has passed`);
  }
}

/**
 * `offer.accept`: the person says yes, with corrections to editable fields. Accepting an accepted
 * offer again changes nothing (one acceptance); a declined or past-deadline offer is refused.
 */
export async function acceptOffer(
  tx: Queryable,
  person: SessionPerson,
  payload: OfferAcceptPayload,
  now = new Date(),
): Promise<void> {
  const offer = await lockOffer(tx, person.id, payload.offerId);
  if (offer.status === 'accepted') return;
  checkOpen(offer, now);
  const { fields } = await loadOfferRow(tx, offer.id);
  const values: Record<string, string> = Object.fromEntries(fields.map((f) => [f.key, f.value]));
  for (const [key, value] of Object.entries(payload.fields ?? {})) {
    const field = fields.find((f) => f.key === key);
    if (!field) throw new MutationRejected('invalid_field', `The offer has no field ${key}`);
    if (value === field.value) continue;
    if (!field.editable)
      throw new MutationRejected('field_not_editable', `${key} comes from a register and cannot be changed here`);
    values[key] = value;
  }
  const stepId = await takeUpStep(tx, offer, now);
  await tx.query(`UPDATE offers SET status = 'accepted', decided_at = $2, accepted_fields = $3 WHERE id = $1`, [
    offer.id,
    now,
    values,
  ]);
  await recordChange(tx, person.id, 'offer', offer.id, await loadOfferRow(tx, offer.id));
  await moveStep(
    tx,
    stepId,
    'in_progress',
    await offerText(tx, OFFER_TEXT.accepted, offer.agency_id, offer.deadline),
    now,
  );
}

/** `offer.decline`: the person says no (with a reason if they like); the step is declined. */
export async function declineOffer(
  tx: Queryable,
  person: SessionPerson,
  payload: OfferDeclinePayload,
  now = new Date(),
): Promise<void> {
  const offer = await lockOffer(tx, person.id, payload.offerId);
  if (offer.status === 'declined') return;
  if (!offer.declinable) throw new MutationRejected('not_declinable', 'This is a duty, not an offer to decline');
  checkOpen(offer, now);
  await tx.query(`UPDATE offers SET status = 'declined', decided_at = $2, decline_reason = $3 WHERE id = $1`, [
    offer.id,
    now,
    payload.reason || null,
  ]);
  await recordChange(tx, person.id, 'offer', offer.id, await loadOfferRow(tx, offer.id));
  await moveStep(
    tx,
    offer.step_id,
    'declined',
    await offerText(tx, OFFER_TEXT.declined, offer.agency_id, offer.deadline),
    now,
  );
}

/**
 * Settles pending offers whose deadline has passed: automatic ones are granted (their step completed),
 * consent ones expire (their step declined). One transaction per offer; run it daily.
 */
export async function settleDueOffers(db: Database, now = new Date()): Promise<number> {
  const { rows } = await db.query<{ id: string; person_id: string }>(
    `SELECT id, person_id FROM offers WHERE status = 'pending' AND deadline < $1::date ORDER BY deadline, id LIMIT 1000`,
    [tallinnDate(now)],
  );
  for (const due of rows) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM persons WHERE id = $1 FOR NO KEY UPDATE', [due.person_id]);
      const { rows: locked } = await tx.query<OfferDbRow>(
        `SELECT ${OFFER_COLUMNS} FROM offers o JOIN sub_services s ON s.id = o.sub_service_id
         WHERE o.id = $1 AND o.status = 'pending' FOR UPDATE OF o`,
        [due.id],
      );
      const offer = locked[0];
      if (!offer) return;
      const granted = offer.kind === 'automatic';
      const stepId = granted ? await takeUpStep(tx, offer, now) : offer.step_id;
      await tx.query('UPDATE offers SET status = $2, decided_at = $3 WHERE id = $1', [
        offer.id,
        granted ? 'granted' : 'expired',
        now,
      ]);
      await recordChange(tx, due.person_id, 'offer', offer.id, await loadOfferRow(tx, offer.id));
      const text = await offerText(
        tx,
        granted ? OFFER_TEXT.granted : OFFER_TEXT.expired,
        offer.agency_id,
        offer.deadline,
      );
      await moveStep(tx, stepId, granted ? 'completed' : 'declined', text, now);
    });
  }
  return rows.length;
}
