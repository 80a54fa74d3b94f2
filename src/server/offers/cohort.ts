import type { NotificationRow } from '../../contract/person';
import type { Queryable } from '../db/database';
import { queuePushes } from '../push/queue';
import { rulesFor } from '../rules/index';
import type { RegisterEventType, Rule } from '../rules/schema';
import { conditionsSql, fieldsSql, localizedSql, type Param, personSqlVars, type SqlVar } from '../rules/sql';
import { recordChangesForQuery } from '../sync/changes';
import { offerDeadline, offeredStepStatus } from './engine';
import { caseJson, newStepJson, notificationJson, offerJson, stepJson } from './json';
import { offerText } from './store';
import { OFFER_TEXT } from './texts';

/**
 * A cohort event ("everyone born in March 1961 reaches pension age") evaluated set-based: for each
 * rule, a fixed number of statements over the whole cohort — select the eligible people into a
 * temporary table, then one INSERT or UPDATE per table (cases, steps, history, offers, notifications)
 * and one for the change log — never a statement per person. Everything in the event's transaction.
 */

export interface CohortEvent {
  eventId: string;
  bornFrom: string;
  bornTo: string;
  /** The date the conditions are judged on, YYYY-MM-DD. */
  date: string;
  now: Date;
  /** Event variables as SQL over the target row `t`; `$X1`, `$X2` … refer to `params`. */
  vars: Record<string, SqlVar>;
  params: unknown[];
}

export interface CohortResult {
  people: number;
  casesOpened: number;
  offers: number;
}

const FINAL = `('completed', 'declined', 'not_applicable')`;

function parameters() {
  const values: unknown[] = [];
  const param: Param = (value) => {
    values.push(value);
    return `$${values.length}`;
  };
  return { values, param };
}

export async function applyCohort(tx: Queryable, type: RegisterEventType, event: CohortEvent): Promise<CohortResult> {
  // Sorting a cohort's change log in memory, not on disk; for this transaction only.
  await tx.query(`SET LOCAL work_mem = '256MB'`);
  await tx.query(
    `CREATE TEMP TABLE IF NOT EXISTS cohort_targets (
       person_id uuid PRIMARY KEY, given_name text, family_name text, personal_code text, facts jsonb,
       case_id uuid, new_case boolean, offer_id uuid, notification_id uuid, step_id uuid, step_old_status text
     ) ON COMMIT DROP`,
  );
  const total: CohortResult = { people: 0, casesOpened: 0, offers: 0 };
  const people = new Set<number>();
  for (const rule of rulesFor(type)) {
    const done = await applyRule(tx, rule, event);
    total.casesOpened += done.casesOpened;
    total.offers += done.offers;
    people.add(done.people);
  }
  total.people = Math.max(0, ...people);
  return total;
}

async function applyRule(tx: Queryable, rule: Rule, event: CohortEvent): Promise<CohortResult> {
  await tx.query('TRUNCATE cohort_targets');
  const deadline = offerDeadline(rule, event.now);
  const stepStatus = offeredStepStatus(rule);
  const actor = stepStatus === 'action_needed' ? 'person' : 'agency';

  // 1. The eligible people of the cohort who have no such offer yet, with their active case if any.
  {
    const { values, param } = parameters();
    const extra = event.params.map((v) => param(v));
    const date = `${param(event.date)}::date`;
    const sql = `INSERT INTO cohort_targets
      SELECT p.id, p.given_name, p.family_name, p.personal_code, p.facts, coalesce(c.id, gen_random_uuid()), c.id IS NULL,
             gen_random_uuid(), gen_random_uuid(), NULL, NULL
      FROM persons p
      LEFT JOIN LATERAL (
        SELECT id FROM cases WHERE person_id = p.id AND event_service_id = ${param(rule.eventServiceId)} AND state = 'active'
        ORDER BY started_at DESC LIMIT 1
      ) c ON true
      WHERE p.facts->>'birthDate' BETWEEN ${param(event.bornFrom)} AND ${param(event.bornTo)}
        AND p.facts->>'diedOn' IS NULL
        AND ${conditionsSql(rule, 'p', date, param)}
        AND NOT EXISTS (
          SELECT 1 FROM offers o WHERE o.person_id = p.id AND o.sub_service_id = ${param(rule.subServiceId)} AND o.subject_key = ''
        )`;
    await tx.query(...compact(renumber(sql, extra), values));
  }
  // People whose step of the sub-service is final already got the service another way.
  await tx.query(
    `DELETE FROM cohort_targets t USING steps s
     WHERE NOT t.new_case AND s.case_id = t.case_id AND s.sub_service_id = $1 AND s.status IN ${FINAL}`,
    [rule.subServiceId],
  );
  await tx.query('ANALYZE cohort_targets');
  const { rows: counted } = await tx.query<{ people: string; opened: string }>(
    `SELECT count(*) AS people, count(*) FILTER (WHERE new_case) AS opened FROM cohort_targets`,
  );
  const people = Number(counted[0].people);
  if (people === 0) return { people: 0, casesOpened: 0, offers: 0 };

  const stepReason = await offerText(
    tx,
    rule.kind === 'consent' ? OFFER_TEXT.stepConsent : OFFER_TEXT.stepAutomatic,
    rule.agencyId,
    deadline,
  );
  const { rows: subRows } = await tx.query<{ name: unknown }>('SELECT name FROM sub_services WHERE id = $1', [
    rule.subServiceId,
  ]);
  const notifyBody = await offerText(
    tx,
    !rule.declinable
      ? OFFER_TEXT.notifyDuty
      : rule.kind === 'consent'
        ? OFFER_TEXT.notifyConsent
        : OFFER_TEXT.notifyAutomatic,
    rule.agencyId,
    deadline,
  );

  // 2. New cases, with one step per sub-service; the rule's step starts in its offered status.
  await tx.query(
    `INSERT INTO cases (id, person_id, event_service_id, started_at)
     SELECT case_id, person_id, $1, $2 FROM cohort_targets WHERE new_case`,
    [rule.eventServiceId, event.now],
  );
  await tx.query(
    `INSERT INTO steps (case_id, person_id, sub_service_id, agency_id, status, actor, due_date, updated_at)
     SELECT t.case_id, t.person_id, s.id, s.agency_id,
            CASE WHEN s.id = $2 THEN $3 ELSE 'not_started' END,
            CASE WHEN s.id = $2 THEN $4 END,
            CASE WHEN s.id = $2 THEN $5::date END, $6
     FROM cohort_targets t CROSS JOIN sub_services s WHERE t.new_case AND s.event_service_id = $1`,
    [rule.eventServiceId, rule.subServiceId, stepStatus, actor, deadline, event.now],
  );
  await tx.query(
    `INSERT INTO step_history (step_id, at, from_status, to_status, reason, agency_event_id)
     SELECT s.id, $1, NULL, s.status, CASE WHEN s.sub_service_id = $2 THEN $3::jsonb ELSE $4::jsonb END, $5
     FROM cohort_targets t JOIN steps s ON s.case_id = t.case_id WHERE t.new_case`,
    [event.now, rule.subServiceId, stepReason, OFFER_TEXT.caseOpened, event.eventId],
  );
  await tx.query(
    `UPDATE cohort_targets t SET step_id = s.id, step_old_status = s.status
     FROM steps s WHERE s.case_id = t.case_id AND s.sub_service_id = $1`,
    [rule.subServiceId],
  );

  // 3. Existing cases: the rule's step moves to its offered status if nobody has begun it.
  await tx.query(
    `UPDATE steps s SET status = $1, actor = $2, due_date = $3::date, updated_at = greatest(s.updated_at, $4)
     FROM cohort_targets t WHERE NOT t.new_case AND s.id = t.step_id AND t.step_old_status = 'not_started'`,
    [stepStatus, actor, deadline, event.now],
  );
  await tx.query(
    `INSERT INTO step_history (step_id, at, from_status, to_status, reason, agency_event_id)
     SELECT s.id, s.updated_at, 'not_started', s.status, $1, $2
     FROM cohort_targets t JOIN steps s ON s.id = t.step_id WHERE NOT t.new_case AND t.step_old_status = 'not_started'`,
    [stepReason, event.eventId],
  );

  // 4. The offers, their data basis and prefilled fields filled in per person in SQL.
  const inserted = await (async () => {
    const { values, param } = parameters();
    const extra = event.params.map((v) => param(v));
    const vars = { ...personSqlVars('t'), eventDate: { date: `${param(event.date)}::date` }, ...event.vars };
    const sql = `INSERT INTO offers (id, person_id, rule_id, sub_service_id, event_service_id, agency_id, case_id, step_id,
        subject_key, subject_name, kind, declinable, deadline, fields, data_basis, legal_basis, agency_event_id, created_at)
      SELECT t.offer_id, t.person_id, ${param(rule.id)}, ${param(rule.subServiceId)}, ${param(rule.eventServiceId)},
        ${param(rule.agencyId)}, t.case_id, t.step_id, '', NULL, ${param(rule.kind)}, ${param(rule.declinable)}::boolean,
        ${param(deadline)}::date, ${fieldsSql(rule, vars, param)}, ${localizedSql(rule.dataBasis, vars, param)},
        ${param(rule.legalBasis)}::jsonb, ${param(event.eventId)}, ${param(event.now)}
      FROM cohort_targets t
      ON CONFLICT (person_id, sub_service_id, subject_key) DO NOTHING`;
    await tx.query(...compact(renumber(sql, extra), values));
    const { rows } = await tx.query<{ n: string }>(
      'SELECT count(*) AS n FROM cohort_targets t JOIN offers o ON o.id = t.offer_id',
    );
    return Number(rows[0].n);
  })();

  // 5. A notification each, linking to the offer.
  await tx.query(
    `INSERT INTO notifications (id, person_id, topic, title, body, link, created_at)
     SELECT t.notification_id, t.person_id, 'offer', $1, $2, '/offers/' || t.offer_id, $3
     FROM cohort_targets t JOIN offers o ON o.id = t.offer_id`,
    [subRows[0].name, notifyBody, event.now],
  );

  // 6. Everything the people's clients mirror, in their change logs: one statement.
  await recordChangesForQuery(
    tx,
    `SELECT t.person_id, 'case' AS entity, c.id::text AS entity_id, ${caseJson('c')} AS data, 1 AS rank
       FROM cohort_targets t JOIN cases c ON c.id = t.case_id WHERE t.new_case
     UNION ALL
     SELECT t.person_id, 'step', s.id::text, ${newStepJson('s', '$1::jsonb', '$2::jsonb', '$3::text')}, 2
       FROM cohort_targets t JOIN steps s ON s.case_id = t.case_id
       WHERE t.new_case
     UNION ALL
     SELECT t.person_id, 'step', s.id::text, ${stepJson('s')}, 2
       FROM cohort_targets t JOIN steps s ON s.id = t.step_id
       WHERE NOT t.new_case AND t.step_old_status = 'not_started'
     UNION ALL
     SELECT t.person_id, 'offer', o.id::text, ${offerJson('o')}, 3
       FROM cohort_targets t JOIN offers o ON o.id = t.offer_id
     UNION ALL
     SELECT t.person_id, 'notification', n.id::text, ${notificationJson('n')}, 4
       FROM cohort_targets t JOIN notifications n ON n.id = t.notification_id`,
    [stepReason, OFFER_TEXT.caseOpened, rule.subServiceId],
  );

  // 7. Pushes, for the few of the cohort who have a device subscribed (not a loop over the cohort).
  const { rows: subscribed } = await tx.query<{ person_id: string; row: NotificationRow }>(
    `SELECT DISTINCT t.person_id, ${notificationJson('n')} AS row
     FROM cohort_targets t JOIN notifications n ON n.id = t.notification_id
     WHERE EXISTS (SELECT 1 FROM push_subscriptions ps WHERE ps.person_id = t.person_id)`,
  );
  for (const s of subscribed) await queuePushes(tx, s.person_id, s.row, false, event.now);

  return { people, casesOpened: Number(counted[0].opened), offers: inserted };
}

/** Drops the parameters the statement does not use (PostgreSQL cannot type those) and renumbers the rest. */
function compact(sql: string, values: unknown[]): [string, unknown[]] {
  const used = new Map<number, number>();
  const kept: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n);
    if (!used.has(index)) {
      kept.push(values[index - 1]);
      used.set(index, kept.length);
    }
    return `$${used.get(index)}`;
  });
  return [text, kept];
}

/** Replaces the event's `$X1`, `$X2` … with the numbers its parameters got. */
function renumber(sql: string, extra: string[]): string {
  return sql.replace(/\$X(\d+)/g, (_, n: string) => {
    const to = extra[Number(n) - 1];
    if (!to) throw new Error(`cohort: no parameter $X${n}`);
    return to;
  });
}
