import type { StepStatus } from '../../contract/cases';
import { isFinalStatus } from '../../contract/cases';
import { tallinnDate } from '../../contract/dates';
import { normaliseField, validateField } from '../../contract/fields';
import type { Localized } from '../../contract/i18n';
import type {
  DutyConfirmPayload,
  OfferAcceptPayload,
  OfferDeclinePayload,
  OfferRow,
  OfferUndoDeclinePayload,
} from '../../contract/offers';
import type { SessionPerson } from '../auth/context';
import { afterStepChanged } from '../cases/effects';
import { changeStep, ensureCase, reopenDeclinedStep } from '../cases/store';
import type { Queryable } from '../db/database';
import { MutationRejected } from '../errors';
import { notificationColumns, toNotificationRow } from '../notifications/store';
import { ruleById } from '../rules/index';
import { OFFER_TEXT } from '../rules/texts';
import { recordChange } from '../sync/changes';
import { offeredStepStatus } from './engine';
import { loadOfferRow, offerText } from './rows';

/**
 * Decisions on offers: with settle.ts (deadlines passed), the only place that changes them after they are
 * made (engine.ts and cohort.ts make them). Every change records the new client row in the person's change log in the same transaction.
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
  rule_id: string;
  person_id: string;
  agency_id: string;
  event_service_id: string;
  sub_service_id: string;
  subject_name: string | null;
  step_id: string | null;
  kind: OfferRow['kind'];
  declinable: boolean;
  status: OfferRow['status'];
  deadline: string;
}

const OFFER_COLUMNS = `o.id, o.person_id, s.agency_id, s.event_service_id, o.sub_service_id, o.subject_name, o.step_id,
  o.kind, o.rule_id, to_char(o.deadline, 'YYYY-MM-DD') AS deadline`;

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
 * The values the person confirms: the fields as filled in, with their corrections of editable fields.
 * Every editable field's value is checked as its type requires (the same check as on the phone).
 */
async function checkedValues(
  tx: Queryable,
  offerId: string,
  corrections: Record<string, string> = {},
): Promise<Record<string, string>> {
  const { fields } = await loadOfferRow(tx, offerId);
  const values: Record<string, string> = Object.fromEntries(fields.map((f) => [f.key, f.value]));
  for (const [key, value] of Object.entries(corrections)) {
    const field = fields.find((f) => f.key === key);
    if (!field) throw new MutationRejected('invalid_field', `The offer has no field ${key}`);
    if (value === field.value) continue;
    if (!field.editable)
      throw new MutationRejected('field_not_editable', `${key} comes from a register and cannot be changed here`);
    values[key] = value;
  }
  for (const field of fields.filter((f) => f.editable)) {
    const error = validateField(field, values[field.key]);
    if (error) throw new MutationRejected('field_invalid', `${field.key}: ${error}`, field.key);
    values[field.key] = normaliseField(field, values[field.key]);
  }
  return values;
}

/** The offer's own notification is handled once it is decided: read, not "new" beside the next message. */
async function handleNotice(tx: Queryable, personId: string, offerId: string): Promise<void> {
  const { rows } = await tx.query<Parameters<typeof toNotificationRow>[0]>(
    `UPDATE notifications n SET read_at = now() WHERE person_id = $1 AND link = $2 AND read_at IS NULL
     RETURNING ${notificationColumns('n')}`,
    [personId, `/offers/${offerId}`],
  );
  for (const row of rows) await recordChange(tx, personId, 'notification', row.id, toNotificationRow(row));
}

/**
 * `offer.accept`: the person says yes, with corrections to editable fields. One acceptance per offer:
 * accepting it again, or a declined or past-deadline offer, is refused; a duty is confirmed, not accepted.
 */
/** Who decided, kept when it was not the person themselves (someone acting for them under a mandate). */
const decidedBy = (person: SessionPerson, actor: SessionPerson) => (actor.id === person.id ? null : actor.id);

/**
 * The step's history entry for a decision: "You accepted" when the person did it, "Liis Mägi accepted"
 * when someone acting for them did (the person reading it did not).
 */
const decisionText = (
  tx: Queryable,
  offer: { agency_id: string; deadline: string },
  person: SessionPerson,
  actor: SessionPerson,
  own: Localized,
  others: Localized,
) =>
  actor.id === person.id
    ? offerText(tx, own, offer.agency_id, offer.deadline)
    : offerText(tx, others, offer.agency_id, offer.deadline, actor);

export async function acceptOffer(
  tx: Queryable,
  person: SessionPerson,
  payload: OfferAcceptPayload,
  now = new Date(),
  actor: SessionPerson = person,
): Promise<void> {
  const offer = await lockOffer(tx, person.id, payload.offerId);
  if (offer.kind === 'duty') throw new MutationRejected('is_duty', 'This is a duty: confirm its details instead');
  checkOpen(offer, now);
  const values = await checkedValues(tx, offer.id, payload.fields);
  const stepId = await takeUpStep(tx, offer, now);
  await tx.query(
    `UPDATE offers SET status = 'accepted', decided_at = $2, accepted_fields = $3, decided_by = $4 WHERE id = $1`,
    [offer.id, now, values, decidedBy(person, actor)],
  );
  await recordChange(tx, person.id, 'offer', offer.id, await loadOfferRow(tx, offer.id));
  await handleNotice(tx, person.id, offer.id);
  await moveStep(
    tx,
    stepId,
    'in_progress',
    await decisionText(tx, offer, person, actor, OFFER_TEXT.accepted, OFFER_TEXT.acceptedBy),
    now,
  );
}

/**
 * `duty.confirm`: the person checked (and corrected) the details of a duty. Once: confirming again is
 * refused. The deadline is when to check by; the duty stands after it, so a late confirmation is taken.
 */
export async function confirmDuty(
  tx: Queryable,
  person: SessionPerson,
  payload: DutyConfirmPayload,
  now = new Date(),
  actor: SessionPerson = person,
): Promise<void> {
  const offer = await lockOffer(tx, person.id, payload.offerId);
  if (offer.kind !== 'duty') throw new MutationRejected('not_duty', 'This is an offer: accept or decline it');
  if (offer.status !== 'pending') throw new MutationRejected('offer_decided', `The duty is already ${offer.status}`);
  const values = await checkedValues(tx, offer.id, payload.fields);
  await tx.query(
    `UPDATE offers SET status = 'confirmed', decided_at = $2, accepted_fields = $3, decided_by = $4 WHERE id = $1`,
    [offer.id, now, values, decidedBy(person, actor)],
  );
  await recordChange(tx, person.id, 'offer', offer.id, await loadOfferRow(tx, offer.id));
  await handleNotice(tx, person.id, offer.id);
}

/** `offer.decline`: the person says no (with a reason if they like); the step is declined. A duty cannot be declined. */
export async function declineOffer(
  tx: Queryable,
  person: SessionPerson,
  payload: OfferDeclinePayload,
  now = new Date(),
  actor: SessionPerson = person,
): Promise<void> {
  const offer = await lockOffer(tx, person.id, payload.offerId);
  if (offer.kind === 'duty' || !offer.declinable)
    throw new MutationRejected('not_declinable', 'This is a duty, not an offer to decline');
  if (offer.status === 'declined') return;
  checkOpen(offer, now);
  await tx.query(
    `UPDATE offers SET status = 'declined', decided_at = $2, decline_reason = $3, decided_by = $4 WHERE id = $1`,
    [offer.id, now, payload.reason || null, decidedBy(person, actor)],
  );
  await recordChange(tx, person.id, 'offer', offer.id, await loadOfferRow(tx, offer.id));
  await handleNotice(tx, person.id, offer.id);
  await moveStep(
    tx,
    offer.step_id,
    'declined',
    await decisionText(tx, offer, person, actor, OFFER_TEXT.declined, OFFER_TEXT.declinedBy),
    now,
  );
}

/**
 * `offer.undo_decline`: takes a decline back while the offer is open (by its deadline), where its rule
 * allows: the offer waits for an answer again, and its step for the person (or the agency) as before.
 */
export async function undoDecline(
  tx: Queryable,
  person: SessionPerson,
  payload: OfferUndoDeclinePayload,
  now = new Date(),
  actor: SessionPerson = person,
): Promise<void> {
  const offer = await lockOffer(tx, person.id, payload.offerId);
  if (offer.status !== 'declined') throw new MutationRejected('not_declined', `The offer is ${offer.status}`);
  const rule = ruleById(offer.rule_id);
  if (!rule.undoDecline) throw new MutationRejected('undo_not_allowed', 'This decline cannot be taken back here');
  if (tallinnDate(now) > offer.deadline) {
    throw new MutationRejected('offer_expired', `The offer's deadline ${offer.deadline} has passed`);
  }
  await tx.query(
    `UPDATE offers SET status = 'pending', decided_at = NULL, decline_reason = NULL, decided_by = NULL WHERE id = $1`,
    [offer.id],
  );
  await recordChange(tx, person.id, 'offer', offer.id, await loadOfferRow(tx, offer.id));
  if (offer.step_id) {
    const reason = await decisionText(tx, offer, person, actor, OFFER_TEXT.undone, OFFER_TEXT.undoneBy);
    const to = offeredStepStatus(rule);
    await reopenDeclinedStep(tx, offer.step_id, to, reason, now, to === 'action_needed' ? offer.deadline : null);
  }
}

/**
 * Settles one due offer as a decision on it would: an automatic offer is granted (its step completed,
 * its case opened or joined first if it came without one), a consent offer expires (its step declined).
 * The settling run does the same for a whole slice at once (settle.ts); this is the one-offer
 * statement of what it must do, which its test compares it with. Returns false if the offer is not pending.
 */
export async function settleOffer(tx: Queryable, personId: string, offerId: string, now: Date): Promise<boolean> {
  await tx.query('SELECT 1 FROM persons WHERE id = $1 FOR NO KEY UPDATE', [personId]);
  const { rows: locked } = await tx.query<OfferDbRow>(
    `SELECT ${OFFER_COLUMNS} FROM offers o JOIN sub_services s ON s.id = o.sub_service_id
     WHERE o.id = $1 AND o.status = 'pending' AND o.kind <> 'duty' FOR UPDATE OF o`,
    [offerId],
  );
  const offer = locked[0];
  if (!offer) return false;
  const granted = offer.kind === 'automatic';
  const stepId = granted ? await takeUpStep(tx, offer, now) : offer.step_id;
  await tx.query('UPDATE offers SET status = $2, decided_at = $3 WHERE id = $1', [
    offer.id,
    granted ? 'granted' : 'expired',
    now,
  ]);
  await recordChange(tx, personId, 'offer', offer.id, await loadOfferRow(tx, offer.id));
  await handleNotice(tx, personId, offer.id);
  const text = await offerText(tx, granted ? OFFER_TEXT.granted : OFFER_TEXT.expired, offer.agency_id, offer.deadline);
  await moveStep(tx, stepId, granted ? 'completed' : 'declined', text, now);
  return true;
}
