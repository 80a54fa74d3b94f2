import type { MinuRiikDb } from '../../data/db';
import { enqueue } from '../../data/outbox';

export interface Answer {
  requestId: string;
  score: number;
  smoothness?: number;
  comment?: string;
}

/** Sends an answer (through the outbox: works offline). Rejected (e.g. expired): the question comes back. */
export function sendFeedback(db: MinuRiikDb, answer: Answer): Promise<string> {
  return enqueue(db, {
    type: 'feedback.answer',
    payload: answer,
    touches: [{ table: 'feedbackRequests', id: answer.requestId }],
    apply: () => db.feedbackRequests.update(answer.requestId, { status: 'answered' }),
    about: { table: 'feedbackRequests', id: answer.requestId },
  });
}

/** "Not now" hides this question; "don't ask about this service" (optOut) stops asking about it. */
export function dismissFeedback(db: MinuRiikDb, requestId: string, optOut: boolean): Promise<string> {
  return enqueue(db, {
    type: 'feedback.dismiss',
    payload: { requestId, optOut },
    touches: [{ table: 'feedbackRequests', id: requestId }],
    apply: () => db.feedbackRequests.update(requestId, { status: optOut ? 'opted_out' : 'dismissed' }),
    about: { table: 'feedbackRequests', id: requestId },
  });
}
