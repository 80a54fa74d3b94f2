import type { CaseRow, CaseState, StepActor, StepRow, StepStatus } from '../../contract/cases';
import { isFinalStatus } from '../../contract/cases';
import type { Localized } from '../../contract/i18n';
import type { Queryable } from '../db/database';
import { iso, isoOrNull } from '../db/timestamps';
import { ApiError } from '../errors';
import { recordChange } from '../sync/changes';
import { actorFor, checkTransition } from './transitions';

/**
 * Cases and steps: the only place that writes them. Every write records the new client row in the
 * person's change log in the same transaction, so the client always mirrors what is stored.
 */

interface CaseDbRow {
  id: string;
  person_id: string;
  event_service_id: string;
  state: CaseState;
  subject_name: string | null;
  started_at: Date | string;
  completed_at: Date | string | null;
}

interface StepDbRow {
  id: string;
  case_id: string;
  person_id: string;
  sub_service_id: string;
  agency_id: string;
  status: StepStatus;
  actor: StepActor | null;
  due_date: string | null;
  waiting_on_step_id: string | null;
  waiting_on_sub_service_id: string | null;
  updated_at: Date | string;
}

interface HistoryDbRow {
  at: Date | string;
  from_status: StepStatus | null;
  to_status: StepStatus;
  reason: Localized;
}

const CASE_COLUMNS = 'id, person_id, event_service_id, state, subject_name, started_at, completed_at';
const STEP_COLUMNS = `s.id, s.case_id, s.person_id, s.sub_service_id, s.agency_id, s.status, s.actor,
  to_char(s.due_date, 'YYYY-MM-DD') AS due_date, s.waiting_on_step_id, w.sub_service_id AS waiting_on_sub_service_id,
  s.updated_at`;

function toCaseRow(row: CaseDbRow): CaseRow {
  return {
    id: row.id,
    eventServiceId: row.event_service_id,
    state: row.state,
    subjectName: row.subject_name,
    startedAt: iso(row.started_at),
    completedAt: isoOrNull(row.completed_at),
  };
}

async function loadCase(tx: Queryable, caseId: string): Promise<CaseDbRow> {
  const { rows } = await tx.query<CaseDbRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1`, [caseId]);
  if (!rows[0]) throw new Error(`no case ${caseId}`);
  return rows[0];
}

async function loadStep(tx: Queryable, stepId: string, forUpdate = false): Promise<StepDbRow> {
  const { rows } = await tx.query<StepDbRow>(
    `SELECT ${STEP_COLUMNS} FROM steps s LEFT JOIN steps w ON w.id = s.waiting_on_step_id
     WHERE s.id = $1 ${forUpdate ? 'FOR UPDATE OF s' : ''}`,
    [stepId],
  );
  if (!rows[0]) throw new Error(`no step ${stepId}`);
  return rows[0];
}

/** The client's view of a step: its current state and its whole history, oldest first. */
export async function loadStepRow(tx: Queryable, stepId: string): Promise<StepRow> {
  const step = await loadStep(tx, stepId);
  const { rows: history } = await tx.query<HistoryDbRow>(
    'SELECT at, from_status, to_status, reason FROM step_history WHERE step_id = $1 ORDER BY at, id',
    [stepId],
  );
  return {
    id: step.id,
    caseId: step.case_id,
    subServiceId: step.sub_service_id,
    agencyId: step.agency_id,
    status: step.status,
    actor: step.actor,
    dueDate: step.due_date,
    waitingOnStepId: step.waiting_on_step_id,
    waitingOnSubServiceId: step.waiting_on_sub_service_id,
    reason: history[history.length - 1].reason,
    updatedAt: iso(step.updated_at),
    history: history.map((h) => ({ at: iso(h.at), from: h.from_status, to: h.to_status, reason: h.reason })),
  };
}

export async function loadCaseRow(tx: Queryable, caseId: string): Promise<CaseRow> {
  return toCaseRow(await loadCase(tx, caseId));
}

/** The reason on the first history entry of each step of a case opened for a life event. */
export const CASE_OPENED: Localized = {
  et: 'Lisasime selle teenuse sinu elusündmuse juurde.',
  en: 'We added this service to your life event.',
  ru: 'Мы добавили эту услугу к вашему жизненному событию.',
  uk: 'Ми додали цю послугу до вашої життєвої події.',
};

export interface OpenCase {
  eventServiceId: string;
  /** Whom the case is about besides the person (the child born, the close one who died). */
  subjectName?: string | null;
  /** When the life event began; default now. */
  startedAt?: Date;
  /** The reason on every step's first history entry; default "the life event started". */
  reason?: Localized;
}

export interface OpenedCase {
  case: CaseRow;
  /** The step of each sub-service of the event service, by sub-service id. */
  stepIds: Record<string, string>;
}

/**
 * Opens a case of the event service for the person with one `not_started` step per sub-service,
 * and puts the case and its steps in the person's change log.
 */
export async function openCase(tx: Queryable, personId: string, open: OpenCase): Promise<OpenedCase> {
  const startedAt = open.startedAt ?? new Date();
  const { rows: subs } = await tx.query<{ id: string; agency_id: string }>(
    'SELECT id, agency_id FROM sub_services WHERE event_service_id = $1 ORDER BY position, id',
    [open.eventServiceId],
  );
  if (subs.length === 0) throw new Error(`openCase: no event service ${open.eventServiceId}`);
  const { rows } = await tx.query<CaseDbRow>(
    `INSERT INTO cases (person_id, event_service_id, subject_name, started_at) VALUES ($1, $2, $3, $4)
     RETURNING ${CASE_COLUMNS}`,
    [personId, open.eventServiceId, open.subjectName ?? null, startedAt],
  );
  const caseRow = toCaseRow(rows[0]);
  await recordChange(tx, personId, 'case', caseRow.id, caseRow);
  const stepIds: Record<string, string> = {};
  for (const sub of subs) {
    const { rows: inserted } = await tx.query<{ id: string }>(
      `INSERT INTO steps (case_id, person_id, sub_service_id, agency_id, status, updated_at)
       VALUES ($1, $2, $3, $4, 'not_started', $5) RETURNING id`,
      [caseRow.id, personId, sub.id, sub.agency_id, startedAt],
    );
    const stepId = inserted[0].id;
    await tx.query(
      `INSERT INTO step_history (step_id, at, from_status, to_status, reason) VALUES ($1, $2, NULL, 'not_started', $3)`,
      [stepId, startedAt, open.reason ?? CASE_OPENED],
    );
    await recordChange(tx, personId, 'step', stepId, await loadStepRow(tx, stepId));
    stepIds[sub.id] = stepId;
  }
  return { case: caseRow, stepIds };
}

/** The person's active case of the event service about this subject, or null. */
export async function activeCase(
  tx: Queryable,
  personId: string,
  eventServiceId: string,
  subjectName: string | null,
): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM cases WHERE person_id = $1 AND event_service_id = $2 AND state = 'active'
       AND ($3::text IS NULL OR subject_name IS NULL OR subject_name = $3)
     ORDER BY (subject_name IS NOT DISTINCT FROM $3) DESC, started_at DESC LIMIT 1`,
    [personId, eventServiceId, subjectName],
  );
  return rows[0]?.id ?? null;
}

/** The person's active case of the event service about this subject, opened if there is none. */
export async function ensureCase(
  tx: Queryable,
  personId: string,
  eventServiceId: string,
  subjectName: string | null,
  startedAt: Date,
): Promise<{ caseId: string; opened: boolean }> {
  const caseId = await activeCase(tx, personId, eventServiceId, subjectName);
  if (caseId) return { caseId, opened: false };
  const opened = await openCase(tx, personId, { eventServiceId, subjectName, startedAt });
  return { caseId: opened.case.id, opened: true };
}

export interface StepChange {
  status: StepStatus;
  reason: Localized;
  /** When it happened; must not be before the step's last change. */
  at: Date;
  dueDate?: string | null;
  /** For `waiting`: the step of the same case it waits on. */
  waitingOnStepId?: string | null;
  /** Who begins, for `not_started` only (see actorFor). */
  actor?: StepActor;
  /** The agency event that caused it, for the audit trail. */
  agencyEventId?: string;
}

export interface StepChanged {
  caseId: string;
  stepId: string;
  from: StepStatus;
  to: StepStatus;
  caseState: CaseState;
}

/**
 * Moves a step to a new status (or updates it in the same status) with a history entry, completes
 * the case when every step is final, and records both in the person's change log. Refuses, with an
 * ApiError and nothing written by it, an impossible transition, a change older than the step's
 * last one, or a `waiting` on a step outside the case.
 */
export async function changeStep(tx: Queryable, stepId: string, change: StepChange): Promise<StepChanged> {
  // Lock the person first, as recordChange does in every writer, so two writers never wait on each other in a circle.
  const { person_id: personId } = await loadStep(tx, stepId);
  await tx.query('SELECT 1 FROM persons WHERE id = $1 FOR NO KEY UPDATE', [personId]);
  const step = await loadStep(tx, stepId, true);
  const check = checkTransition(step.status, change.status);
  if (!check.ok) throw new ApiError(409, check.code, check.message);
  if (change.at.getTime() < new Date(step.updated_at).getTime()) {
    throw new ApiError(
      409,
      'stale_event',
      `The step changed at ${iso(step.updated_at)}, after this change (${change.at.toISOString()})`,
    );
  }
  const waitingOn = change.status === 'waiting' ? (change.waitingOnStepId ?? null) : null;
  if (change.status === 'waiting') {
    const { rows } = await tx.query('SELECT 1 FROM steps WHERE id = $1 AND case_id = $2 AND id <> $3', [
      waitingOn,
      step.case_id,
      stepId,
    ]);
    if (rows.length === 0)
      throw new ApiError(422, 'invalid_waiting_on', 'A waiting step must wait on another step of its case');
  }
  const final = isFinalStatus(change.status);
  await tx.query(
    `UPDATE steps SET status = $2, actor = $3, due_date = $4, waiting_on_step_id = $5, updated_at = $6 WHERE id = $1`,
    [
      stepId,
      change.status,
      actorFor(change.status, change.actor),
      final ? null : (change.dueDate ?? null),
      waitingOn,
      change.at,
    ],
  );
  await tx.query(
    `INSERT INTO step_history (step_id, at, from_status, to_status, reason, agency_event_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [stepId, change.at, step.status, change.status, change.reason, change.agencyEventId ?? null],
  );
  await recordChange(tx, step.person_id, 'step', stepId, await loadStepRow(tx, stepId));

  let caseState = (await loadCase(tx, step.case_id)).state;
  if (final && caseState === 'active') {
    const { rows } = await tx.query<CaseDbRow>(
      `UPDATE cases SET state = 'completed', completed_at = $2
       WHERE id = $1 AND NOT EXISTS (
         SELECT 1 FROM steps WHERE case_id = $1 AND status NOT IN ('completed', 'declined', 'not_applicable')
       ) RETURNING ${CASE_COLUMNS}`,
      [step.case_id, change.at],
    );
    if (rows[0]) {
      caseState = rows[0].state;
      await recordChange(tx, step.person_id, 'case', step.case_id, toCaseRow(rows[0]));
    }
  }
  return { caseId: step.case_id, stepId, from: step.status, to: change.status, caseState };
}

/**
 * Takes back a decline the person made (an offer's decline undone while it is open): the step leaves
 * `declined`, the one move out of a final status, recorded in its history as such; its case is active
 * again if the decline had completed it.
 */
export async function reopenDeclinedStep(
  tx: Queryable,
  stepId: string,
  to: StepStatus,
  reason: Localized,
  at: Date,
  dueDate: string | null,
): Promise<void> {
  const step = await loadStep(tx, stepId, true);
  if (step.status !== 'declined') return;
  const when = new Date(Math.max(at.getTime(), new Date(step.updated_at).getTime()));
  await tx.query(
    `UPDATE steps SET status = $2, actor = $3, due_date = $4, waiting_on_step_id = NULL, updated_at = $5 WHERE id = $1`,
    [stepId, to, actorFor(to), dueDate, when],
  );
  await tx.query(
    `INSERT INTO step_history (step_id, at, from_status, to_status, reason) VALUES ($1, $2, 'declined', $3, $4)`,
    [stepId, when, to, reason],
  );
  await recordChange(tx, step.person_id, 'step', stepId, await loadStepRow(tx, stepId));
  const { rows } = await tx.query<CaseDbRow>(
    `UPDATE cases SET state = 'active', completed_at = NULL WHERE id = $1 AND state = 'completed' RETURNING ${CASE_COLUMNS}`,
    [step.case_id],
  );
  if (rows[0]) await recordChange(tx, step.person_id, 'case', step.case_id, toCaseRow(rows[0]));
}
