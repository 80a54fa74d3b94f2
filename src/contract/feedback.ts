import { z } from 'zod';
import { safeDateTime, safeText } from './text';

/** recommend: "How likely are you to recommend…" (services people choose); smooth: "How smooth was…" (the rest). */
export const FeedbackQuestion = z.enum(['recommend', 'smooth']);
export type FeedbackQuestion = z.infer<typeof FeedbackQuestion>;

export const MAX_COMMENT = 2000;

/** Change-log entity `feedback_request`: shown from availableAt until expiresAt while pending. */
export const FeedbackRequestRow = z.object({
  id: z.uuid(),
  subServiceId: safeText(),
  eventServiceId: safeText(),
  agencyId: safeText(),
  question: FeedbackQuestion,
  status: z.enum(['pending', 'answered', 'dismissed', 'opted_out']),
  availableAt: safeDateTime(),
  expiresAt: safeDateTime(),
});
export type FeedbackRequestRow = z.infer<typeof FeedbackRequestRow>;

const Score = z.number().int().min(0).max(10);

export const FeedbackAnswerPayload = z
  .object({
    requestId: z.uuid(),
    score: Score,
    smoothness: Score.optional(),
    comment: safeText().trim().max(MAX_COMMENT).optional(),
  })
  .strict();
export type FeedbackAnswerPayload = z.infer<typeof FeedbackAnswerPayload>;

/** "Not now" (dismiss this one) or "don't ask about this service" (optOut). */
export const FeedbackDismissPayload = z.object({ requestId: z.uuid(), optOut: z.boolean() }).strict();
export type FeedbackDismissPayload = z.infer<typeof FeedbackDismissPayload>;

/** One row of GET /api/stats/services: a sub-service of an agency in one month, for the question asked. */
export interface ServiceStatsRow {
  month: string; // YYYY-MM
  subServiceId: string;
  agencyId: string;
  eventServiceId: string;
  /** Which question the answers are to: the scores below count its 0–10 answers. */
  question: FeedbackQuestion;
  answers: number;
  /** The counts of the recommendation answers; null, like the index, under 10 of them. */
  promoters: number | null;
  passives: number | null;
  detractors: number | null;
  /** The index of the question asked (% 9–10 minus % 0–6), −100…+100; null under 10 answers. */
  index: number | null;
  /** The same index on the smoothness answers (the optional second question after "recommend"); null under 10. */
  satisfaction: number | null;
}
