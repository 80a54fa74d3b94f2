import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Localized } from '../../contract/i18n';
import type { NotificationRow } from '../../contract/person';
import { type RuleUse, recordCohortUses, ruleUse, saveRuleUseWords } from '../data-uses/rule-uses';
import type { Database, Queryable } from '../db/database';
import { join, raw, type Sql, sql, toQuery } from '../db/sql';
import { queuePushes } from '../push/queue';
import { rulesFor } from '../rules/index';
import type { RegisterEventType, Rule } from '../rules/schema';
import { conditionsSql, personSqlVars, type SqlVar, varsSql } from '../rules/sql';
import { notifyText, stepText } from '../rules/texts';
import { recordChangesSql } from '../sync/changes';
import { offerDeadline, offeredStepStatus } from './engine';
import { notificationJson, stepJson } from './json';
import { offerText } from './rows';

/**
 * A cohort event ("everyone born in March 1961 reaches pension age") evaluated set-based, never a
 * statement per person: for each rule, select the eligible people into a temporary table and advance
 * the steps of those with an open case; then one statement writes every rule's offers, their
 * notifications and the change log.
 *
 * The cohort is cut by person id into slices of SLICE_PEOPLE people, each handled in a
 * transaction of its own, a few at a time: the database's cores work in parallel, a person's rows
 * are locked for seconds rather than the whole run, and a crash loses one slice, not the work done.
 * A slice is idempotent (one offer per person and sub-service), so running the event again finishes it.
 *
 * Each rule's reading of each person's facts is recorded as a use of their data (data-uses/rule-uses.ts),
 * in one statement after the offers, in the slice's transaction.
 *
 * A cohort announces a life event rather than records one, so an offer joins the person's open case
 * of it and advances its step; a person with none gets the offer alone, and the case opens when they
 * take the offer up (store.ts). Opening a case of eight steps for each of a million people, most of
 * whom will only start the life event by accepting, would be ten times the writes of the offers.
 */

export const SLICE_PEOPLE = 20_000;

export interface CohortEvent {
  eventId: string;
  bornFrom: string;
  bornTo: string;
  /** The date the conditions are judged on, YYYY-MM-DD. */
  date: string;
  now: Date;
  /** Event variables as SQL over the target row `t`. */
  vars: Record<string, SqlVar>;
}

export interface CohortResult {
  people: number;
  offers: number;
}

const FINAL = `('completed', 'declined', 'not_applicable')`;

export interface CohortOptions {
  /** Slices handled at once; on PGlite, one connection, it is always one. */
  concurrency?: number;
  slicePeople?: number;
  /** Whether the rules' reading of the people's data is recorded (always, but for bench:cohort's comparison). */
  recordUses?: boolean;
}

export async function applyCohort(
  db: Database,
  type: RegisterEventType,
  event: CohortEvent,
  options: CohortOptions = {},
): Promise<CohortResult> {
  const slices = await planSlices(db, event.bornFrom, event.bornTo, options.slicePeople ?? SLICE_PEOPLE);
  const concurrency = db.kind === 'pglite' ? 1 : (options.concurrency ?? Math.min(4, availableParallelism()));
  const total: CohortResult = { people: 0, offers: 0 };
  const uses = options.recordUses === false ? [] : rulesFor(type).map(ruleUse);
  if (uses.length > 0) await db.transaction((tx) => saveRuleUseWords(tx, uses));
  let next = 0;
  const worker = async () => {
    while (next < slices.length) {
      const slice = slices[next++];
      const done = await db.transaction((tx) => applySlice(tx, type, event, slice, uses));
      total.people += done.people;
      total.offers += done.offers;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total;
}

/** A range of person ids, from inclusive, to exclusive; null is open. */
export interface Slice {
  from: string | null;
  to: string | null;
}

/**
 * The cohort cut by person id into slices of `size` people. Ids, not birth dates: people's rows and
 * every index beginning with person_id are in id order (ids are time-ordered), so each slice writes
 * its own pages and no page is written again by the next.
 */
export async function planSlices(db: Queryable, bornFrom: string, bornTo: string, size: number): Promise<Slice[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM (
       SELECT id, row_number() OVER (ORDER BY id) AS n FROM persons WHERE facts->>'birthDate' BETWEEN $1 AND $2
     ) cohort WHERE n > 1 AND (n - 1) % $3 = 0 ORDER BY id`,
    [bornFrom, bornTo, size],
  );
  const bounds = [null, ...rows.map((r) => r.id), null];
  return bounds.slice(1).map((to, i) => ({ from: bounds[i], to }));
}

/** `AND` the person `p` is in the slice. */
export const inSlice = (slice: Slice): Sql =>
  sql`${slice.from ? sql`AND p.id >= ${slice.from}::uuid` : raw('')} ${slice.to ? sql`AND p.id < ${slice.to}::uuid` : raw('')}`;

/** The slice's people the rules may read: those of the cohort alive, as `p`. */
const sliceWhere = (event: CohortEvent, slice: Slice): Sql =>
  sql`p.facts->>'birthDate' BETWEEN ${event.bornFrom} AND ${event.bornTo} ${inSlice(slice)}
    AND p.facts->>'diedOn' IS NULL`;

async function applySlice(
  tx: Queryable,
  type: RegisterEventType,
  event: CohortEvent,
  slice: Slice,
  uses: RuleUse[],
): Promise<CohortResult> {
  // Sorting a cohort's change log in memory, not on disk; for this transaction only.
  await tx.query(`SET LOCAL work_mem = '256MB'`);
  // A slice lost in a crash is written again when the agency resends the unanswered event; and the
  // answer's commit, which waits for the disk, comes after the slices' in the one write-ahead log.
  await tx.query('SET LOCAL synchronous_commit = off');
  await tx.query(
    `CREATE TEMP TABLE IF NOT EXISTS cohort_targets (
       rule_id text, person_id uuid, given_name text, family_name text, personal_code text, facts jsonb,
       case_id uuid, step_id uuid, step_old_status text, PRIMARY KEY (rule_id, person_id)
     ) ON COMMIT DROP`,
  );
  const targeted: Targeted[] = [];
  let people = 0;
  for (const rule of rulesFor(type)) {
    const t = await selectTargets(tx, rule, event, slice);
    people = Math.max(people, t.people);
    if (t.people > 0) targeted.push(t);
  }
  const offers = targeted.length > 0 ? await writeOffers(tx, targeted, event) : 0;
  if (uses.length > 0) {
    const read = sql`SELECT p.id FROM persons p WHERE ${sliceWhere(event, slice)} ORDER BY p.id`;
    await recordCohortUses(tx, uses, read, event.eventId, event.now);
  }
  return { people, offers };
}

interface Targeted {
  rule: Rule;
  people: number;
  deadline: string;
  title: Localized;
  body: Localized;
}

/**
 * The rule's targets in the slice: the eligible people who have no such offer yet, with their active
 * case if any; the step of that case moves to its offered status if nobody has begun it.
 */
async function selectTargets(tx: Queryable, rule: Rule, event: CohortEvent, slice: Slice): Promise<Targeted> {
  const deadline = offerDeadline(rule, event.now);
  const stepStatus = offeredStepStatus(rule);
  const actor = stepStatus === 'action_needed' ? 'person' : 'agency';
  const date = sql`${event.date}::date`;
  await tx.query(
    ...toQuery(sql`INSERT INTO cohort_targets
      SELECT ${rule.id}, p.id, p.given_name, p.family_name, p.personal_code, p.facts, c.id, NULL, NULL
      FROM persons p
      LEFT JOIN LATERAL (
        SELECT id FROM cases WHERE person_id = p.id AND event_service_id = ${rule.eventServiceId} AND state = 'active'
        ORDER BY started_at DESC LIMIT 1
      ) c ON true
      WHERE ${sliceWhere(event, slice)}
        AND ${conditionsSql(rule, 'p', date)}
        AND NOT EXISTS (
          SELECT 1 FROM offers o WHERE o.person_id = p.id AND o.sub_service_id = ${rule.subServiceId} AND o.subject_key = ''
        )`),
  );
  // People whose step of the sub-service is final already got the service another way.
  await tx.query(
    `DELETE FROM cohort_targets t USING steps s
     WHERE t.rule_id = $2 AND s.case_id = t.case_id AND s.sub_service_id = $1 AND s.status IN ${FINAL}`,
    [rule.subServiceId, rule.id],
  );
  const { rows: counted } = await tx.query<{ people: string }>(
    'SELECT count(*) AS people FROM cohort_targets WHERE rule_id = $1',
    [rule.id],
  );
  const stepReason = await offerText(tx, stepText(rule.kind), rule.agencyId, deadline);
  const { rows: sub } = await tx.query<{ name: Localized }>('SELECT name FROM sub_services WHERE id = $1', [
    rule.subServiceId,
  ]);
  const body = await offerText(tx, notifyText(rule.kind), rule.agencyId, deadline);

  await tx.query(
    `UPDATE cohort_targets t SET step_id = s.id, step_old_status = s.status
     FROM steps s WHERE t.rule_id = $2 AND s.case_id = t.case_id AND s.sub_service_id = $1`,
    [rule.subServiceId, rule.id],
  );
  await tx.query(
    `UPDATE steps s SET status = $1, actor = $2, due_date = $3::date, updated_at = greatest(s.updated_at, $4)
     FROM cohort_targets t WHERE t.rule_id = $5 AND s.id = t.step_id AND t.step_old_status = 'not_started'`,
    [stepStatus, actor, deadline, event.now, rule.id],
  );
  await tx.query(
    `INSERT INTO step_history (step_id, at, from_status, to_status, reason, agency_event_id)
     SELECT s.id, s.updated_at, 'not_started', s.status, $1, $2
     FROM cohort_targets t JOIN steps s ON s.id = t.step_id WHERE t.rule_id = $3 AND t.step_old_status = 'not_started'`,
    [stepReason, event.eventId, rule.id],
  );
  return { rule, people: Number(counted[0].people), deadline, title: sub[0].name, body };
}

/**
 * One statement for the rest, for every rule at once: the offers, with the register facts their texts
 * are rendered from; a notification each; all of it in the change logs, by one reference to the event
 * per person (read when each client syncs); and the notifications of the few with a device subscribed,
 * for their pushes. Each part reads what the one before returned, never the tables, so a slice's cost
 * does not grow with the rows earlier slices wrote; rows go in person order with time-ordered ids, so
 * each index is written page after page rather than at a random page per row. Returns the offers made.
 */
async function writeOffers(tx: Queryable, targeted: Targeted[], event: CohortEvent): Promise<number> {
  const vars = { ...personSqlVars('t'), eventDate: { date: sql`${event.date}::date` }, ...event.vars };
  const now = sql`${event.now}::timestamptz`;
  const eventId = sql`${event.eventId}::text`;
  const perRule = targeted.map(
    ({ rule, deadline }) =>
      sql`SELECT time_ordered_uuid() AS id, t.person_id, ${rule.id}::text AS rule_id,
         ${rule.subServiceId}::text AS sub_service_id, t.case_id, t.step_id, ''::text AS subject_key,
         ${rule.kind}::text AS kind, ${rule.kind !== 'duty'}::boolean AS declinable,
         ${deadline}::date AS deadline, ${varsSql(rule, vars)} AS vars
       FROM cohort_targets t WHERE t.rule_id = ${rule.id}`,
  );
  // The notices' words, once per rule for the whole slice (migration 015).
  const shared = targeted.map(({ title, body }) => ({ id: randomUUID(), title, body }));
  await tx.query(
    `INSERT INTO notification_texts (id, title, body)
     SELECT (x->>'id')::uuid, x->'title', x->'body' FROM jsonb_array_elements($1::jsonb) AS x`,
    [JSON.stringify(shared)],
  );
  const texts = targeted.map(({ rule }, i) => sql`(${rule.subServiceId}::text, ${shared[i].id}::uuid)`);
  const statement = sql`WITH made AS (
      INSERT INTO offers (id, person_id, rule_id, sub_service_id, case_id, step_id, subject_key, kind,
        declinable, deadline, vars, agency_event_id, created_at)
      SELECT o.*, ${eventId}, ${now} FROM (${join(perRule, ' UNION ALL ')}) o ORDER BY o.person_id
      ON CONFLICT (person_id, sub_service_id, subject_key) DO NOTHING
      RETURNING id, person_id, rule_id, sub_service_id, step_id, agency_event_id
    ),
    notified AS (
      INSERT INTO notifications (id, person_id, topic, text_id, link, created_at, agency_event_id)
      SELECT time_ordered_uuid(), m.person_id, 'offer', x.text_id, '/offers/' || m.id, ${now}, ${eventId}
      FROM made m JOIN (VALUES ${join(texts, ', ')}) AS x (sub_service_id, text_id) USING (sub_service_id)
      ORDER BY m.person_id
      RETURNING id, person_id, topic, title, body, text_id, link, created_at, read_at
    ),
    ${raw(
      recordChangesSql(`SELECT m.person_id, 'step' AS entity, s.id::text AS entity_id, 'put' AS op, ${stepJson('s')} AS data,
         1 AS rank
       FROM made m JOIN cohort_targets t ON t.rule_id = m.rule_id AND t.person_id = m.person_id
       JOIN steps s ON s.id = m.step_id
       WHERE t.step_old_status = 'not_started'
     UNION ALL
     SELECT DISTINCT person_id, 'agency_event', agency_event_id, 'put', NULL::jsonb, 2 FROM made`),
    )}
    SELECT (SELECT count(*) FROM made) AS offers,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('personId', n.person_id, 'row', ${raw(notificationJson('n'))})), '[]')
       FROM notified n WHERE EXISTS (SELECT 1 FROM push_subscriptions ps WHERE ps.person_id = n.person_id)) AS pushes`;
  const { rows } = await tx.query<{ offers: string; pushes: { personId: string; row: NotificationRow }[] }>(
    ...toQuery(statement),
  );
  // Pushes, for the few of the cohort who have a device subscribed (not a loop over the cohort).
  for (const p of rows[0].pushes) await queuePushes(tx, p.personId, p.row, false, event.now);
  return Number(rows[0].offers);
}
