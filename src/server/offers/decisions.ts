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
import type { Database, Queryable } from '../db/database';
import { MutationRejected } from '../errors';
import { notificationColumns, toNotificationRow } from '../notifications/store';
import { ruleById } from '../rules/index';
import { OFFER_TEXT } from '../rules/texts';
import { recordChange, recordChangesSql } from '../sync/changes';
import { offeredStepStatus } from './engine';
import { notificationJson } from './json';
import { loadOfferRow, offerText, selectOfferRows } from './rows';

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

/** Offers settled by the slice, in one transaction each: few enough that a person's rows stay locked briefly. */
const SETTLE_SLICE = 500;

/** Due offers that lapse with nothing else to move: consent offers without a step (a cohort's, mostly). */
const LAPSING = `o.status = 'pending' AND o.kind NOT IN ('duty', 'automatic') AND o.step_id IS NULL AND o.deadline < $1::date`;

/**
 * Settles pending offers whose deadline has passed: automatic ones are granted (their step completed),
 * consent ones expire (their step declined). A duty stands after its deadline and is never settled.
 * Run it daily; every process may run it at once.
 *
 * The bulk (a cohort's consent offers, which have no step) is settled set-based, SETTLE_SLICE offers
 * at a time: the offers and their people claimed with SKIP LOCKED (another process takes the next
 * slice), then a few statements for the whole slice. The rest, which move a step or open a case, go
 * one offer per transaction through the same code as a decision.
 */
export async function settleDueOffers(db: Database, now = new Date(), { page = 1000 } = {}): Promise<number> {
  const today = tallinnDate(now);
  let settled = 0;
  for (;;) {
    const n = await db.transaction((tx) => settleLapsingSlice(tx, today, now));
    if (n === 0) break;
    settled += n;
  }
  // Page after page until none is due: the whole cohort in one run, however many pages it takes.
  for (;;) {
    const { found, settled: n } = await settleOneByOne(db, today, now, page);
    settled += n;
    if (found === 0) break;
  }
  return settled;
}

/** One slice of LAPSING offers, set-based: returns how many it settled (0 when none is left to this process). */
async function settleLapsingSlice(tx: Queryable, today: string, now: Date): Promise<number> {
  // Claimed without waiting on anyone: offers another run holds are skipped (that run settles them), and
  // so are people another writer holds (a later run takes them). A claim that never waits cannot close a
  // circle with the writers that lock the person first and then the offer.
  const { rows: claimed } = await tx.query<{ id: string; person_id: string }>(
    `SELECT o.id, o.person_id FROM offers o WHERE ${LAPSING} ORDER BY o.deadline, o.id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [today, SETTLE_SLICE],
  );
  if (claimed.length === 0) return 0;
  const { rows: people } = await tx.query<{ id: string }>(
    'SELECT id FROM persons WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE SKIP LOCKED',
    [[...new Set(claimed.map((o) => o.person_id))]],
  );
  const held = new Set(people.map((p) => p.id));
  const mine = claimed.filter((o) => held.has(o.person_id)).map((o) => o.id);
  if (mine.length === 0) return 0;
  const { rows: lapsed } = await tx.query<{ id: string; person_id: string; agency_event_id: string | null }>(
    `UPDATE offers o SET status = 'expired', decided_at = $2 WHERE o.id = ANY($1::uuid[])
     RETURNING o.id, o.person_id, o.agency_event_id`,
    [mine, now],
  );
  if (lapsed.length === 0) return 0;
  // An offer an agency event made is in the change log by one reference to the event per person, as the
  // cohort wrote it (read afresh when the client syncs); any other offer by its own row.
  const alone = lapsed.filter((o) => !o.agency_event_id);
  const rows = alone.length > 0 ? await selectOfferRows(tx, 'o.id = ANY($1::uuid[])', [alone.map((o) => o.id)]) : [];
  const owner = new Map(alone.map((o) => [o.id, o.person_id]));
  await tx.query(
    `WITH lapsed AS (
       SELECT x.id, x.person_id, x.agency_event_id FROM jsonb_to_recordset($1::jsonb) AS x (id uuid, person_id uuid, agency_event_id text)
     ),
     noticed AS (
       UPDATE notifications n SET read_at = now() FROM lapsed l
       WHERE n.person_id = l.person_id AND n.link = '/offers/' || l.id AND n.read_at IS NULL
       RETURNING n.id, n.person_id, n.topic, n.title, n.body, n.text_id, n.link, n.created_at, n.read_at,
         n.agency_event_id, l.agency_event_id AS offer_event_id
     ),
     ${recordChangesSql(`SELECT DISTINCT person_id, 'agency_event' AS entity, agency_event_id AS entity_id, 'put' AS op,
         NULL::jsonb AS data, 2 AS rank
       FROM lapsed WHERE agency_event_id IS NOT NULL
     UNION ALL
     SELECT person_id, 'offer', id::text, 'put', data, 1
       FROM jsonb_to_recordset($2::jsonb) AS r (person_id uuid, id text, data jsonb)
     UNION ALL
     SELECT person_id, 'notification', id::text, 'put', ${notificationJson('n')}, 1
       FROM noticed n WHERE n.agency_event_id IS DISTINCT FROM n.offer_event_id`)}
     SELECT count(*) FROM recorded`,
    [
      JSON.stringify(lapsed),
      JSON.stringify(rows.map((data) => ({ person_id: owner.get(data.id), id: data.id, data }))),
    ],
  );
  return lapsed.length;
}

/**
 * A page of the due offers that move a step (or open a case to complete one): one transaction per
 * offer. Returns how many were found due and how many this run settled (another run may take some).
 */
async function settleOneByOne(
  db: Database,
  today: string,
  now: Date,
  page: number,
): Promise<{ found: number; settled: number }> {
  const { rows } = await db.query<{ id: string; person_id: string }>(
    `SELECT id, person_id FROM offers o WHERE status = 'pending' AND kind <> 'duty' AND deadline < $1::date
     AND NOT (${LAPSING}) ORDER BY deadline, id LIMIT $2`,
    [today, page],
  );
  let settled = 0;
  for (const due of rows) {
    settled += await db.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM persons WHERE id = $1 FOR NO KEY UPDATE', [due.person_id]);
      const { rows: locked } = await tx.query<OfferDbRow>(
        `SELECT ${OFFER_COLUMNS} FROM offers o JOIN sub_services s ON s.id = o.sub_service_id
         WHERE o.id = $1 AND o.status = 'pending' FOR UPDATE OF o`,
        [due.id],
      );
      const offer = locked[0];
      if (!offer) return 0;
      const granted = offer.kind === 'automatic';
      const stepId = granted ? await takeUpStep(tx, offer, now) : offer.step_id;
      await tx.query('UPDATE offers SET status = $2, decided_at = $3 WHERE id = $1', [
        offer.id,
        granted ? 'granted' : 'expired',
        now,
      ]);
      await recordChange(tx, due.person_id, 'offer', offer.id, await loadOfferRow(tx, offer.id));
      await handleNotice(tx, due.person_id, offer.id);
      const text = await offerText(
        tx,
        granted ? OFFER_TEXT.granted : OFFER_TEXT.expired,
        offer.agency_id,
        offer.deadline,
      );
      await moveStep(tx, stepId, granted ? 'completed' : 'declined', text, now);
      return 1;
    });
  }
  return { found: rows.length, settled };
}
