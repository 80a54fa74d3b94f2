import { tallinnDate } from '../../contract/dates';
import type { NotificationRow } from '../../contract/person';
import { CASE_OPENED } from '../cases/store';
import type { Database, Queryable } from '../db/database';
import { delayDaysFor, EXPIRES_AFTER_DAYS, ONCE_PER_DAYS, questionFor } from '../feedback/config';
import { queuePushes } from '../push/queue';
import { OFFER_TEXT } from '../rules/texts';
import { recordChangesSql } from '../sync/changes';
import { caseJson, feedbackJson, notificationJson, stepJson } from './json';
import { offerText, selectOfferRows } from './rows';

/**
 * Settles pending offers whose deadline has passed: automatic ones are granted (their step completed,
 * the case of their life event opened or joined if they came without one), consent ones expire (their
 * step declined). A duty stands after its deadline and is never settled. Run it daily; every process
 * may run it at once.
 *
 * Set-based, SETTLE_SLICE offers per transaction whatever the cohort: the offers and their people are
 * claimed with SKIP LOCKED (another process takes the next slice), then a fixed number of statements
 * settles the whole slice with the effects a decision has on one offer (decisions.ts, settleOffer):
 * the step moved with its history, the case completed when its last step is, a notification with its
 * pushes, a feedback request for a completed service, the offer's own notice read, and all of it in the
 * change logs. Returns how many offers this run settled.
 */
export async function settleDueOffers(db: Database, now = new Date(), { slice = SETTLE_SLICE } = {}): Promise<number> {
  const today = tallinnDate(now);
  let settled = 0;
  for (;;) {
    const n = await db.transaction((tx) => settleSlice(tx, today, now, slice));
    if (n === 0) return settled;
    settled += n;
  }
}

/** Offers per transaction: a person's rows stay locked for a fraction of a second. */
const SETTLE_SLICE = 2_000;

const FINAL = `('completed', 'declined', 'not_applicable')`;

/** Claims a slice of due offers and settles it; 0 when none is left to this process. */
async function settleSlice(tx: Queryable, today: string, now: Date, size: number): Promise<number> {
  const mine = await claimSlice(tx, today, size);
  if (mine.length === 0) return 0;
  await tx.query(`SET LOCAL work_mem = '64MB'`);
  await tx.query(
    `CREATE TEMP TABLE settling ON COMMIT DROP AS
     SELECT o.id, o.person_id, o.kind, o.sub_service_id, s.event_service_id, s.agency_id, o.subject_name,
       to_char(o.deadline, 'YYYY-MM-DD') AS deadline, o.agency_event_id, o.step_id,
       CASE WHEN o.kind = 'automatic' AND o.step_id IS NULL THEN NULL ELSE o.case_id END AS case_id,
       o.kind = 'automatic' AS granted, o.kind = 'automatic' AND o.step_id IS NULL AS take_up,
       row_number() OVER (ORDER BY o.deadline, o.id) AS ord, true AS claimed, false AS follows,
       CASE WHEN o.kind = 'automatic' THEN 'granted' ELSE 'expired' END AS status
     FROM offers o JOIN sub_services s ON s.id = o.sub_service_id WHERE o.id = ANY($1::uuid[])`,
    [mine],
  );
  // Temporary tables have no statistics until analysed: without them the planner guesses joins badly.
  await tx.query('ANALYZE settling');
  await takeUpCases(tx, now);
  await moveSteps(tx, now);
  // The offers themselves; an offer whose step another offer of the slice moves goes with that step,
  // as afterStepChanged settles the offers still open on a step the agency settled.
  await tx.query(
    `UPDATE offers o SET status = t.status, decided_at = $1,
       case_id = CASE WHEN t.take_up AND t.step_id IS NOT NULL THEN t.case_id ELSE o.case_id END,
       step_id = t.step_id
     FROM settling t WHERE o.id = t.id`,
    [now],
  );
  await writeNotices(tx, now);
  await scheduleFeedbacks(tx, now);
  await recordSettled(tx);
  return mine.length;
}

/**
 * Due offers, claimed without waiting on anyone: offers another run holds are skipped (that run settles
 * them), and so are people another writer holds (a later run takes them). A claim that never waits
 * cannot close a circle with the writers that lock the person first and then the offer.
 */
async function claimSlice(tx: Queryable, today: string, size: number): Promise<string[]> {
  const { rows: claimed } = await tx.query<{ id: string; person_id: string }>(
    `SELECT o.id, o.person_id FROM offers o WHERE o.status = 'pending' AND o.kind <> 'duty' AND o.deadline < $1::date
     ORDER BY o.deadline, o.id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [today, size],
  );
  if (claimed.length === 0) return [];
  const { rows: people } = await tx.query<{ id: string }>(
    'SELECT id FROM persons WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE SKIP LOCKED',
    [[...new Set(claimed.map((o) => o.person_id))]],
  );
  const held = new Set(people.map((p) => p.id));
  return claimed.filter((o) => held.has(o.person_id)).map((o) => o.id);
}

/**
 * Automatic offers that came without a case (a cohort's) join the person's active case of the life
 * event about the same subject, as activeCase finds it; where there is none, one case is opened per
 * person and life event, with a not_started step per sub-service (as openCase does), and the other
 * offers of that person look again. Then each takes the step of its sub-service.
 */
async function takeUpCases(tx: Queryable, now: Date): Promise<void> {
  await tx.query('CREATE TEMP TABLE settle_opened (id uuid PRIMARY KEY, person_id uuid) ON COMMIT DROP');
  for (;;) {
    await tx.query(
      `UPDATE settling t SET case_id = (
         SELECT c.id FROM cases c WHERE c.person_id = t.person_id AND c.event_service_id = t.event_service_id
           AND c.state = 'active' AND (t.subject_name IS NULL OR c.subject_name IS NULL OR c.subject_name = t.subject_name)
         ORDER BY (c.subject_name IS NOT DISTINCT FROM t.subject_name) DESC, c.started_at DESC LIMIT 1)
       WHERE t.take_up AND t.case_id IS NULL`,
    );
    const { rows } = await tx.query<{ n: string }>(
      `WITH opened AS (
         INSERT INTO cases (person_id, event_service_id, subject_name, started_at)
         SELECT DISTINCT ON (t.person_id, t.event_service_id) t.person_id, t.event_service_id, t.subject_name, $1::timestamptz
         FROM settling t WHERE t.take_up AND t.step_id IS NULL AND t.case_id IS NULL
         ORDER BY t.person_id, t.event_service_id, t.ord
         RETURNING id, person_id, event_service_id, started_at
       ),
       noted AS (INSERT INTO settle_opened SELECT id, person_id FROM opened),
       stepped AS (
         INSERT INTO steps (case_id, person_id, sub_service_id, agency_id, status, updated_at)
         SELECT c.id, c.person_id, ss.id, ss.agency_id, 'not_started', c.started_at
         FROM opened c JOIN sub_services ss ON ss.event_service_id = c.event_service_id
         ORDER BY c.person_id, ss.position, ss.id
         RETURNING id, updated_at
       ),
       histories AS (
         INSERT INTO step_history (step_id, at, from_status, to_status, reason)
         SELECT id, updated_at, NULL, 'not_started', $2::jsonb FROM stepped
       )
       SELECT count(*) AS n FROM opened`,
      [now, JSON.stringify(CASE_OPENED)],
    );
    if (Number(rows[0].n) === 0) break;
  }
  await tx.query('ANALYZE settle_opened');
  await tx.query(
    `UPDATE settling t SET step_id = s.id FROM steps s
     WHERE t.take_up AND s.case_id = t.case_id AND s.sub_service_id = t.sub_service_id`,
  );
}

/**
 * Each step still open moves as the first offer of the slice on it decides (completed for a grant,
 * declined for a lapse), with a history entry, at the run's time or the step's last change if later;
 * its case is completed when no step of it is left open. Sets each offer's new status.
 */
async function moveSteps(tx: Queryable, now: Date): Promise<void> {
  // The reasons' words, once for each outcome, agency and deadline of the slice.
  const { rows: texts } = await tx.query<{ granted: boolean; agency_id: string; deadline: string }>(
    'SELECT DISTINCT granted, agency_id, deadline FROM settling WHERE step_id IS NOT NULL',
  );
  const reasons = [];
  for (const t of texts) {
    const reason = await offerText(tx, t.granted ? OFFER_TEXT.granted : OFFER_TEXT.expired, t.agency_id, t.deadline);
    reasons.push({ ...t, reason });
  }
  await tx.query(
    `CREATE TEMP TABLE settle_moves ON COMMIT DROP AS
     SELECT DISTINCT ON (t.step_id) t.step_id, t.id AS offer_id, s.case_id, s.person_id, s.sub_service_id, s.agency_id,
       s.status AS from_status, CASE WHEN t.granted THEN 'completed' ELSE 'declined' END AS to_status,
       greatest($1::timestamptz, s.updated_at) AS at, r.reason, t.granted
     FROM settling t JOIN steps s ON s.id = t.step_id
     JOIN jsonb_to_recordset($2::jsonb) AS r (granted boolean, agency_id text, deadline text, reason jsonb)
       ON r.granted = t.granted AND r.agency_id = t.agency_id AND r.deadline = t.deadline
     WHERE s.status NOT IN ${FINAL}
     ORDER BY t.step_id, t.ord`,
    [now, JSON.stringify(reasons)],
  );
  await tx.query('ANALYZE settle_moves');
  await tx.query(
    `UPDATE settling t SET follows = true, status = CASE WHEN m.granted THEN 'granted' ELSE 'expired' END
     FROM settle_moves m WHERE m.step_id = t.step_id AND m.offer_id <> t.id`,
  );
  // Offers still open on a moved step, due or not, go with it (afterStepChanged), their notices untouched.
  await tx.query(
    `INSERT INTO settling (id, person_id, agency_event_id, step_id, take_up, claimed, follows, status)
     SELECT o.id, o.person_id, o.agency_event_id, o.step_id, false, false, true,
       CASE WHEN m.granted THEN 'granted' ELSE 'expired' END
     FROM offers o JOIN settle_moves m ON m.step_id = o.step_id
     WHERE o.status = 'pending' AND NOT EXISTS (SELECT 1 FROM settling t WHERE t.id = o.id)`,
  );
  await tx.query(
    `UPDATE steps s SET status = m.to_status, actor = NULL, due_date = NULL, waiting_on_step_id = NULL, updated_at = m.at
     FROM settle_moves m WHERE s.id = m.step_id`,
  );
  await tx.query(
    `INSERT INTO step_history (step_id, at, from_status, to_status, reason)
     SELECT step_id, at, from_status, to_status, reason FROM settle_moves ORDER BY person_id`,
  );
  await tx.query(
    `CREATE TEMP TABLE settle_completed ON COMMIT DROP AS
     WITH done AS (
       UPDATE cases c SET state = 'completed', completed_at = m.at
       FROM (SELECT case_id, max(at) AS at FROM settle_moves GROUP BY case_id) m
       WHERE c.id = m.case_id AND c.state = 'active'
         AND NOT EXISTS (SELECT 1 FROM steps s WHERE s.case_id = c.id AND s.status NOT IN ${FINAL})
       RETURNING c.id, c.person_id
     ) SELECT * FROM done`,
  );
}

/**
 * The offers' own notices are read (not those of offers settled with a step another offer moved, as
 * afterStepChanged leaves them), each moved step brings the person a notification (with its pushes,
 * for the few with a device subscribed, theirs or a parent's), and offers still open on a moved step
 * outside the slice are settled with it.
 */
async function writeNotices(tx: Queryable, now: Date): Promise<void> {
  await tx.query(
    `CREATE TEMP TABLE settle_notices (id uuid PRIMARY KEY, person_id uuid, offer_event_id text) ON COMMIT DROP`,
  );
  await tx.query(
    `WITH read AS (
       UPDATE notifications n SET read_at = now() FROM settling t
       WHERE t.claimed AND NOT t.follows AND n.person_id = t.person_id AND n.link = '/offers/' || t.id
         AND n.read_at IS NULL
       RETURNING n.id, n.person_id, n.agency_event_id, t.agency_event_id AS offer_event_id
     )
     INSERT INTO settle_notices SELECT id, person_id, offer_event_id FROM read
     WHERE agency_event_id IS DISTINCT FROM offer_event_id`,
  );
  const { rows: pushes } = await tx.query<{ person_id: string; row: NotificationRow }>(
    `WITH made AS (
       INSERT INTO notifications AS n (person_id, topic, title, body, link)
       SELECT m.person_id, 'status', ss.name, m.reason, '/events/' || m.case_id
       FROM settle_moves m JOIN sub_services ss ON ss.id = m.sub_service_id ORDER BY m.person_id
       RETURNING n.*
     ),
     noted AS (INSERT INTO settle_notices SELECT id, person_id, NULL FROM made)
     SELECT n.person_id, ${notificationJson('n')} AS row FROM made n
     WHERE EXISTS (
       SELECT 1 FROM push_subscriptions ps WHERE ps.person_id = n.person_id OR ps.person_id IN (
         SELECT actor_id FROM mandates WHERE subject_id = n.person_id AND kind IN ('parent', 'guardian') AND status = 'active'))`,
  );
  for (const p of pushes) await queuePushes(tx, p.person_id, p.row, false, now);
}

/**
 * A completed service asks for feedback a few days later, unless the person opted out of it or was asked
 * about it in the last ONCE_PER_DAYS days (scheduleFeedback's rule, for the whole slice at once).
 */
async function scheduleFeedbacks(tx: Queryable, now: Date): Promise<void> {
  const { rows: subs } = await tx.query<{ id: string; kind: Parameters<typeof questionFor>[1] }>(
    `SELECT ss.id, ss.kind FROM sub_services ss
     WHERE ss.id IN (SELECT sub_service_id FROM settle_moves WHERE to_status = 'completed')`,
  );
  const asks = subs.map((s) => ({ id: s.id, question: questionFor(s.id, s.kind), delay: delayDaysFor(s.id) }));
  await tx.query(
    `CREATE TEMP TABLE settle_feedback ON COMMIT DROP AS
     WITH asked AS (
       INSERT INTO feedback_requests (person_id, step_id, sub_service_id, agency_id, event_service_id, question,
         available_at, expires_at)
       SELECT DISTINCT ON (m.person_id, m.sub_service_id) m.person_id, m.step_id, m.sub_service_id, m.agency_id,
         c.event_service_id, a.question, $1::timestamptz + make_interval(days => a.delay),
         $1::timestamptz + make_interval(days => a.delay + $2)
       FROM settle_moves m JOIN cases c ON c.id = m.case_id
       JOIN jsonb_to_recordset($3::jsonb) AS a (id text, question text, delay int) ON a.id = m.sub_service_id
       WHERE m.to_status = 'completed'
         AND NOT EXISTS (SELECT 1 FROM feedback_opt_outs f WHERE f.person_id = m.person_id AND f.sub_service_id = m.sub_service_id)
         AND NOT EXISTS (
           SELECT 1 FROM feedback_requests f WHERE f.person_id = m.person_id AND f.sub_service_id = m.sub_service_id
             AND f.created_at > $1::timestamptz - make_interval(days => $4))
       ORDER BY m.person_id, m.sub_service_id, m.at
       RETURNING id, person_id
     ) SELECT * FROM asked`,
    [now, EXPIRES_AFTER_DAYS, JSON.stringify(asks), ONCE_PER_DAYS],
  );
}

/**
 * One statement records the slice in the change logs: opened and completed cases, every step opened or
 * moved, the notices, the feedback requests, and the offers — one reference to the agency event per
 * person for the offers an event made (read afresh when the client syncs), any other offer by its row.
 */
async function recordSettled(tx: Queryable): Promise<void> {
  const alone = await selectOfferRows(tx, 'o.id IN (SELECT id FROM settling WHERE agency_event_id IS NULL)', []);
  const { rows: owners } = await tx.query<{ id: string; person_id: string }>(
    'SELECT id, person_id FROM settling WHERE agency_event_id IS NULL',
  );
  const owner = new Map(owners.map((o) => [o.id, o.person_id]));
  await tx.query(
    `WITH ${recordChangesSql(`
       SELECT c.person_id, 'case' AS entity, c.id::text AS entity_id, 'put' AS op, ${caseJson('c')} AS data, 1 AS rank
         FROM cases c WHERE c.id IN (SELECT id FROM settle_opened UNION SELECT id FROM settle_completed)
       UNION ALL
       SELECT s.person_id, 'step', s.id::text, 'put', ${stepJson('s')}, 1
         FROM steps s WHERE s.id IN (
           SELECT x.id FROM settle_opened o JOIN steps x ON x.case_id = o.id UNION SELECT step_id FROM settle_moves)
       UNION ALL
       SELECT n.person_id, 'notification', n.id::text, 'put', ${notificationJson('n')}, 1
         FROM notifications n WHERE n.id IN (SELECT id FROM settle_notices)
       UNION ALL
       SELECT f.person_id, 'feedback_request', f.id::text, 'put', ${feedbackJson('f')}, 1
         FROM feedback_requests f WHERE f.id IN (SELECT id FROM settle_feedback)
       UNION ALL
       SELECT person_id, 'offer', id, 'put', data, 1 FROM jsonb_to_recordset($1::jsonb) AS r (person_id uuid, id text, data jsonb)
       UNION ALL
       SELECT DISTINCT person_id, 'agency_event', agency_event_id, 'put', NULL::jsonb, 2
         FROM settling WHERE agency_event_id IS NOT NULL`)}
     SELECT count(*) FROM recorded`,
    [JSON.stringify(alone.map((data) => ({ person_id: owner.get(data.id), id: data.id, data })))],
  );
}
