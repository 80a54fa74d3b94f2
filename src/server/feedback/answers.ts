import type { FeedbackAnswerPayload, FeedbackDismissPayload } from '../../contract/feedback';
import type { SessionPerson } from '../auth/context';
import type { Queryable } from '../db/database';
import { MutationRejected } from '../errors';
import { loadRequest, setRequestStatus } from './requests';

async function pendingRequest(tx: Queryable, personId: string, requestId: string, now: Date) {
  const request = await loadRequest(tx, personId, requestId, true);
  if (!request) throw new MutationRejected('not_found', 'No such feedback request');
  if (request.status === 'answered') throw new MutationRejected('already_answered', 'This question has been answered');
  if (request.status !== 'pending') throw new MutationRejected('not_pending', 'This question is closed');
  if (new Date(request.expires_at) <= now)
    throw new MutationRejected('feedback_expired', 'The time to answer has passed');
  return request;
}

/** One answer per request, tagged for statistics; for a "how smooth" question the score is the smoothness. */
export async function answerFeedback(
  tx: Queryable,
  person: SessionPerson,
  answer: FeedbackAnswerPayload,
  now = new Date(),
) {
  const request = await pendingRequest(tx, person.id, answer.requestId, now);
  const smoothness = request.question === 'smooth' ? answer.score : (answer.smoothness ?? null);
  await tx.query(
    `INSERT INTO feedback_answers (request_id, sub_service_id, agency_id, event_service_id, question, language, channel,
       score, smoothness, comment)
     VALUES ($1, $2, $3, $4, $5, $6, 'app', $7, $8, $9)`,
    [
      request.id,
      request.sub_service_id,
      request.agency_id,
      request.event_service_id,
      request.question,
      person.preferredLanguage,
      answer.score,
      smoothness,
      answer.comment || null,
    ],
  );
  await setRequestStatus(tx, person.id, request.id, 'answered');
}

export async function dismissFeedback(
  tx: Queryable,
  person: SessionPerson,
  dismiss: FeedbackDismissPayload,
  now = new Date(),
) {
  const request = await pendingRequest(tx, person.id, dismiss.requestId, now);
  if (dismiss.optOut) {
    await tx.query(`INSERT INTO feedback_opt_outs (person_id, sub_service_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      person.id,
      request.sub_service_id,
    ]);
  }
  await setRequestStatus(tx, person.id, request.id, dismiss.optOut ? 'opted_out' : 'dismissed');
}
