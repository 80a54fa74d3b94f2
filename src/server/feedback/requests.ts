import type { SubServiceKind } from '../../contract/catalogue';
import type { FeedbackRequestRow } from '../../contract/feedback';
import type { Database, Queryable } from '../db/database';
import { iso } from '../db/timestamps';
import { createNotification } from '../notifications/store';
import { recordChange } from '../sync/changes';
import { delayDaysFor, EXPIRES_AFTER_DAYS, ONCE_PER_DAYS, questionFor } from './config';

interface RequestDbRow {
  id: string;
  person_id: string;
  sub_service_id: string;
  event_service_id: string;
  agency_id: string;
  question: FeedbackRequestRow['question'];
  status: FeedbackRequestRow['status'];
  available_at: Date | string;
  expires_at: Date | string;
}

const COLUMNS =
  'id, person_id, sub_service_id, event_service_id, agency_id, question, status, available_at, expires_at';

export function toRequestRow(r: RequestDbRow): FeedbackRequestRow {
  return {
    id: r.id,
    subServiceId: r.sub_service_id,
    eventServiceId: r.event_service_id,
    agencyId: r.agency_id,
    question: r.question,
    status: r.status,
    availableAt: iso(r.available_at),
    expiresAt: iso(r.expires_at),
  };
}

export interface CompletedStep {
  personId: string;
  stepId: string;
  subServiceId: string;
  agencyId: string;
  eventServiceId: string;
}

/**
 * After a step is completed: asks for feedback a few days later, unless the person opted out of this
 * service or was asked about it in the last 30 days. Call it in the transaction that completed the step.
 */
export async function scheduleFeedback(
  tx: Queryable,
  step: CompletedStep,
  now = new Date(),
): Promise<FeedbackRequestRow | null> {
  const availableAt = new Date(now.getTime() + delayDaysFor(step.subServiceId) * 86_400_000);
  const expiresAt = new Date(availableAt.getTime() + EXPIRES_AFTER_DAYS * 86_400_000);
  const { rows: kinds } = await tx.query<{ kind: SubServiceKind }>('SELECT kind FROM sub_services WHERE id = $1', [
    step.subServiceId,
  ]);
  const { rows } = await tx.query<RequestDbRow>(
    `INSERT INTO feedback_requests (person_id, step_id, sub_service_id, agency_id, event_service_id, question, available_at, expires_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8
     WHERE NOT EXISTS (SELECT 1 FROM feedback_opt_outs WHERE person_id = $1 AND sub_service_id = $3)
       AND NOT EXISTS (
         SELECT 1 FROM feedback_requests
         WHERE person_id = $1 AND sub_service_id = $3 AND created_at > $9::timestamptz - make_interval(days => $10))
     RETURNING ${COLUMNS}`,
    [
      step.personId,
      step.stepId,
      step.subServiceId,
      step.agencyId,
      step.eventServiceId,
      questionFor(step.subServiceId, kinds[0]?.kind),
      availableAt,
      expiresAt,
      now,
      ONCE_PER_DAYS,
    ],
  );
  if (!rows[0]) return null;
  const row = toRequestRow(rows[0]);
  await recordChange(tx, step.personId, 'feedback_request', row.id, row);
  return row;
}

export async function loadRequest(
  tx: Queryable,
  personId: string,
  id: string,
  forUpdate = false,
): Promise<RequestDbRow | undefined> {
  const { rows } = await tx.query<RequestDbRow>(
    `SELECT ${COLUMNS} FROM feedback_requests WHERE id = $1 AND person_id = $2 ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id, personId],
  );
  return rows[0];
}

export async function setRequestStatus(
  tx: Queryable,
  personId: string,
  id: string,
  status: FeedbackRequestRow['status'],
) {
  const { rows } = await tx.query<RequestDbRow>(
    `UPDATE feedback_requests SET status = $3 WHERE id = $1 AND person_id = $2 RETURNING ${COLUMNS}`,
    [id, personId, status],
  );
  await recordChange(tx, personId, 'feedback_request', id, toRequestRow(rows[0]));
}

const TITLE = {
  et: 'Kuidas teenusega läks?',
  en: 'How did the service go?',
  ru: 'Как прошла услуга?',
  uk: 'Як пройшла послуга?',
};
const BODY = {
  et: 'Vasta ühele küsimusele – see aitab teenust paremaks teha.',
  en: 'Answer one question – it helps make the service better.',
  ru: 'Ответьте на один вопрос – это поможет улучшить услугу.',
  uk: 'Дайте відповідь на одне запитання – це допоможе покращити послугу.',
};

/** Tells people about the requests that have just become available (run periodically; safe to run twice). */
export async function notifyDueFeedbackRequests(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; person_id: string }>(
      `UPDATE feedback_requests SET notified_at = now()
       WHERE id IN (
         SELECT id FROM feedback_requests
         WHERE notified_at IS NULL AND status = 'pending' AND available_at <= now() AND expires_at > now()
         ORDER BY available_at LIMIT 500 FOR UPDATE SKIP LOCKED)
       RETURNING id, person_id`,
    );
    for (const r of rows) {
      await createNotification(tx, r.person_id, {
        topic: 'feedback',
        title: TITLE,
        body: BODY,
        link: `/feedback/${r.id}`,
      });
    }
    return rows.length;
  });
}
