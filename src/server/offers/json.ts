import { notificationText } from '../notifications/store';

/**
 * The client rows of steps and notifications built in SQL, so that set-based writers
 * (cohorts, offer settling) record exactly what the row-by-row writers record. Each takes the table's alias.
 */

/** An instant as JavaScript's toISOString() writes it (UTC, milliseconds). */
export const isoSql = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const notificationJson = (n: string) => `jsonb_build_object(
  'id', ${n}.id, 'topic', ${n}.topic, 'title', ${notificationText(n, 'title')}, 'body', ${notificationText(n, 'body')},
  'link', ${n}.link,
  'createdAt', ${isoSql(`${n}.created_at`)}, 'readAt', ${isoSql(`${n}.read_at`)})`;

/** A step's row with its whole history, as loadStepRow builds it; needs `FROM steps ${s}`. */
export const stepJson = (s: string) => `(SELECT jsonb_build_object(
  'id', ${s}.id, 'caseId', ${s}.case_id, 'subServiceId', ${s}.sub_service_id, 'agencyId', ${s}.agency_id,
  'status', ${s}.status, 'actor', ${s}.actor, 'dueDate', to_char(${s}.due_date, 'YYYY-MM-DD'),
  'waitingOnStepId', ${s}.waiting_on_step_id,
  'waitingOnSubServiceId', (SELECT w.sub_service_id FROM steps w WHERE w.id = ${s}.waiting_on_step_id),
  'reason', (array_agg(h.reason ORDER BY h.at DESC, h.id DESC))[1],
  'updatedAt', ${isoSql(`${s}.updated_at`)},
  'history', jsonb_agg(jsonb_build_object('at', ${isoSql('h.at')}, 'from', h.from_status, 'to', h.to_status,
    'reason', h.reason) ORDER BY h.at, h.id))
  FROM step_history h WHERE h.step_id = ${s}.id)`;

/** A case's row, as toCaseRow builds it. */
export const caseJson = (c: string) => `jsonb_build_object(
  'id', ${c}.id, 'eventServiceId', ${c}.event_service_id, 'state', ${c}.state, 'subjectName', ${c}.subject_name,
  'startedAt', ${isoSql(`${c}.started_at`)}, 'completedAt', ${isoSql(`${c}.completed_at`)})`;

/** A feedback request's row, as toRequestRow builds it. */
export const feedbackJson = (f: string) => `jsonb_build_object(
  'id', ${f}.id, 'subServiceId', ${f}.sub_service_id, 'eventServiceId', ${f}.event_service_id, 'agencyId', ${f}.agency_id,
  'question', ${f}.question, 'status', ${f}.status,
  'availableAt', ${isoSql(`${f}.available_at`)}, 'expiresAt', ${isoSql(`${f}.expires_at`)})`;
