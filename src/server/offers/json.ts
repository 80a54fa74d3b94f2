/**
 * The client rows of offers, steps, cases and notifications built in SQL, so that set-based writers
 * (cohorts) record exactly what the row-by-row writers record. Each takes the table's alias.
 */

/** An instant as JavaScript's toISOString() writes it (UTC, milliseconds). */
export const isoSql = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const offerJson = (o: string) => `jsonb_build_object(
  'id', ${o}.id, 'subServiceId', ${o}.sub_service_id, 'eventServiceId', ${o}.event_service_id,
  'caseId', ${o}.case_id, 'stepId', ${o}.step_id, 'agencyId', ${o}.agency_id, 'kind', ${o}.kind,
  'status', ${o}.status, 'deadline', to_char(${o}.deadline, 'YYYY-MM-DD'), 'subjectName', ${o}.subject_name,
  'fields', ${o}.fields, 'dataBasis', ${o}.data_basis, 'legalBasis', ${o}.legal_basis, 'declinable', ${o}.declinable,
  'createdAt', ${isoSql(`${o}.created_at`)}, 'decidedAt', ${isoSql(`${o}.decided_at`)},
  'acceptedFields', ${o}.accepted_fields, 'declineReason', ${o}.decline_reason)`;

export const caseJson = (c: string) => `jsonb_build_object(
  'id', ${c}.id, 'eventServiceId', ${c}.event_service_id, 'state', ${c}.state, 'subjectName', ${c}.subject_name,
  'startedAt', ${isoSql(`${c}.started_at`)}, 'completedAt', ${isoSql(`${c}.completed_at`)})`;

export const notificationJson = (n: string) => `jsonb_build_object(
  'id', ${n}.id, 'topic', ${n}.topic, 'title', ${n}.title, 'body', ${n}.body, 'link', ${n}.link,
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

/**
 * The row of a step created just now with its one history entry (from nothing to its status), without
 * reading the history back: what stepJson gives for such a step. `reason` / `otherReason` are the
 * first entry's reason for the step of sub-service `sub` and for the others.
 */
export const newStepJson = (s: string, reason: string, otherReason: string, sub: string) => `jsonb_build_object(
  'id', ${s}.id, 'caseId', ${s}.case_id, 'subServiceId', ${s}.sub_service_id, 'agencyId', ${s}.agency_id,
  'status', ${s}.status, 'actor', ${s}.actor, 'dueDate', to_char(${s}.due_date, 'YYYY-MM-DD'),
  'waitingOnStepId', NULL, 'waitingOnSubServiceId', NULL,
  'reason', CASE WHEN ${s}.sub_service_id = ${sub} THEN ${reason} ELSE ${otherReason} END,
  'updatedAt', ${isoSql(`${s}.updated_at`)},
  'history', jsonb_build_array(jsonb_build_object('at', ${isoSql(`${s}.updated_at`)}, 'from', NULL, 'to', ${s}.status,
    'reason', CASE WHEN ${s}.sub_service_id = ${sub} THEN ${reason} ELSE ${otherReason} END)))`;
