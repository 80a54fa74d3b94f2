import type { StepStatus } from '../../contract/cases';
import { isFinalStatus } from '../../contract/cases';
import type { Localized } from '../../contract/i18n';
import { tallinnDate } from '../../contract/offers';
import { changeStep, openCase } from '../cases/store';
import type { Queryable } from '../db/database';
import { createNotification } from '../notifications/store';
import { type Decision, renderFields, renderLocalized } from '../rules/evaluate';
import type { Rule } from '../rules/schema';
import { recordChange } from '../sync/changes';
import { loadOfferRow, offerText } from './store';
import { OFFER_TEXT } from './texts';

/**
 * From decisions to rows, one person at a time (events that name people; cohorts use cohort.ts):
 * the case of the life event (opened if the person has none active for that subject), the step of
 * the sub-service, the offer and its notification — in the caller's transaction.
 */

const DAY = 86_400_000;

/** The person's active case of the event service about this subject, opened if there is none. */
export async function ensureCase(
  tx: Queryable,
  personId: string,
  eventServiceId: string,
  subjectName: string | null,
  startedAt: Date,
): Promise<{ caseId: string; opened: boolean }> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM cases WHERE person_id = $1 AND event_service_id = $2 AND state = 'active'
       AND ($3::text IS NULL OR subject_name IS NULL OR subject_name = $3)
     ORDER BY (subject_name IS NOT DISTINCT FROM $3) DESC, started_at DESC LIMIT 1`,
    [personId, eventServiceId, subjectName],
  );
  if (rows[0]) return { caseId: rows[0].id, opened: false };
  const opened = await openCase(tx, personId, { eventServiceId, subjectName, startedAt });
  return { caseId: opened.case.id, opened: true };
}

/** Moves the step of the sub-service in the case to `to` unless it has begun (any status but not_started). */
export async function startStep(
  tx: Queryable,
  caseId: string,
  subServiceId: string,
  to: StepStatus,
  reason: Localized,
  at: Date,
  dueDate: string | null = null,
): Promise<{ id: string; status: StepStatus; dueDate: string | null } | null> {
  const { rows } = await tx.query<{
    id: string;
    status: StepStatus;
    due_date: string | null;
    updated_at: Date | string;
  }>(
    `SELECT id, status, to_char(due_date, 'YYYY-MM-DD') AS due_date, updated_at FROM steps
     WHERE case_id = $1 AND sub_service_id = $2`,
    [caseId, subServiceId],
  );
  const step = rows[0];
  if (!step) return null;
  if (step.status !== 'not_started') return { id: step.id, status: step.status, dueDate: step.due_date };
  const when = new Date(Math.max(at.getTime(), new Date(step.updated_at).getTime()));
  await changeStep(tx, step.id, { status: to, reason, at: when, dueDate });
  return { id: step.id, status: to, dueDate };
}

export interface ApplyContext {
  /** The agency event that led to the decisions (kept with the offer). */
  eventId: string | null;
  now: Date;
}

export const offerDeadline = (rule: Rule, now: Date) => tallinnDate(new Date(now.getTime() + rule.deadlineDays * DAY));

/** The status the offer's step takes: the person acts on a consent offer; the agency on an automatic one. */
export const offeredStepStatus = (rule: Rule): StepStatus =>
  rule.kind === 'consent' ? 'action_needed' : 'in_progress';

/**
 * Makes the offer of each decision that has none yet (one per person, sub-service and subject), and
 * its case, step and notification. A step already final (the service was given another way) gets no
 * offer. Returns the number of offers made.
 */
export async function applyDecisions(tx: Queryable, decisions: Decision[], ctx: ApplyContext): Promise<number> {
  let made = 0;
  for (const d of decisions) {
    const { rule, person } = d;
    const { rows: existing } = await tx.query(
      'SELECT 1 FROM offers WHERE person_id = $1 AND sub_service_id = $2 AND subject_key = $3',
      [person.personId, rule.subServiceId, d.subjectKey],
    );
    if (existing.length > 0) continue;
    const { caseId } = await ensureCase(tx, person.personId, rule.eventServiceId, d.caseSubject, ctx.now);
    let deadline = offerDeadline(rule, ctx.now);
    const reason = await offerText(
      tx,
      rule.kind === 'consent' ? OFFER_TEXT.stepConsent : OFFER_TEXT.stepAutomatic,
      rule.agencyId,
      deadline,
    );
    const step = await startStep(tx, caseId, rule.subServiceId, offeredStepStatus(rule), reason, ctx.now, deadline);
    if (!step || isFinalStatus(step.status)) continue;
    // A step the agency already asked the person to act on keeps its deadline: one date, not two.
    if (step.status === 'action_needed' && step.dueDate) deadline = step.dueDate;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO offers (person_id, rule_id, sub_service_id, event_service_id, agency_id, case_id, step_id, subject_key,
         subject_name, kind, declinable, deadline, fields, data_basis, legal_basis, agency_event_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (person_id, sub_service_id, subject_key) DO NOTHING RETURNING id`,
      [
        person.personId,
        rule.id,
        rule.subServiceId,
        rule.eventServiceId,
        rule.agencyId,
        caseId,
        step.id,
        d.subjectKey,
        d.subjectName,
        rule.kind,
        rule.declinable,
        deadline,
        JSON.stringify(renderFields(d)),
        renderLocalized(rule.dataBasis, d.vars),
        rule.legalBasis,
        ctx.eventId,
        ctx.now,
      ],
    );
    if (!rows[0]) continue;
    const offer = await loadOfferRow(tx, rows[0].id);
    await recordChange(tx, person.personId, 'offer', offer.id, offer);
    const { rows: sub } = await tx.query<{ name: Localized }>('SELECT name FROM sub_services WHERE id = $1', [
      rule.subServiceId,
    ]);
    const body = !rule.declinable
      ? OFFER_TEXT.notifyDuty
      : rule.kind === 'consent'
        ? OFFER_TEXT.notifyConsent
        : OFFER_TEXT.notifyAutomatic;
    await createNotification(tx, person.personId, {
      topic: 'offer',
      title: sub[0].name,
      body: await offerText(tx, body, rule.agencyId, deadline),
      link: `/offers/${offer.id}`,
    });
    made += 1;
  }
  return made;
}
