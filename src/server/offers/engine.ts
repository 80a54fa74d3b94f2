import type { StepStatus } from '../../contract/cases';
import { isFinalStatus } from '../../contract/cases';
import { tallinnDate } from '../../contract/dates';
import type { Localized } from '../../contract/i18n';
import { activeCase, changeStep, ensureCase } from '../cases/store';
import type { Queryable } from '../db/database';
import { createNotification } from '../notifications/store';
import { type Decision, offerVars } from '../rules/evaluate';
import type { Rule } from '../rules/schema';
import { notifyText, stepText } from '../rules/texts';
import { recordChange } from '../sync/changes';
import { loadOfferRow, offerText } from './rows';

/**
 * From decisions to rows, one person at a time (events that name people; cohorts use cohort.ts):
 * the case of the life event (opened if the person has none active for that subject), the step of
 * the sub-service, the offer and its notification — in the caller's transaction.
 */

const DAY = 86_400_000;

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
  /**
   * False for events that announce a life event rather than record it (pension age approaching): the
   * offer joins the person's open case, and with none it waits alone until taken up (see cohort.ts).
   */
  opensCase?: boolean;
}

export const offerDeadline = (rule: Rule, now: Date) => tallinnDate(new Date(now.getTime() + rule.deadlineDays * DAY));

/** The status the offer's step takes: the person acts on a consent offer; the agency on an automatic one. */
export const offeredStepStatus = (rule: Rule): StepStatus =>
  rule.kind === 'consent' ? 'action_needed' : 'in_progress';

/**
 * Makes the offer of each decision that has none yet (one per person, sub-service and subject), and
 * its case (see ApplyContext.opensCase), step and notification. A step already final (the service was
 * given another way) gets no offer. Returns the number of offers made.
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
    const caseId =
      ctx.opensCase === false
        ? await activeCase(tx, person.personId, rule.eventServiceId, d.caseSubject)
        : (await ensureCase(tx, person.personId, rule.eventServiceId, d.caseSubject, ctx.now)).caseId;
    let deadline = offerDeadline(rule, ctx.now);
    let step: { id: string; status: StepStatus; dueDate: string | null } | null = null;
    if (caseId) {
      const reason = await offerText(tx, stepText(rule.kind), rule.agencyId, deadline);
      step = await startStep(tx, caseId, rule.subServiceId, offeredStepStatus(rule), reason, ctx.now, deadline);
      if (!step || isFinalStatus(step.status)) continue;
      // A step the agency already asked the person to act on keeps its deadline: one date, not two.
      if (step.status === 'action_needed' && step.dueDate) deadline = step.dueDate;
    }
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO offers (person_id, rule_id, sub_service_id, case_id, step_id, subject_key, subject_name, kind,
         declinable, deadline, vars, agency_event_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (person_id, sub_service_id, subject_key) DO NOTHING RETURNING id`,
      [
        person.personId,
        rule.id,
        rule.subServiceId,
        caseId,
        step?.id ?? null,
        d.subjectKey,
        d.subjectName,
        rule.kind,
        rule.kind !== 'duty',
        deadline,
        offerVars(rule, d.vars),
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
    const body = notifyText(rule.kind);
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
