import { z } from 'zod';
import { LangSchema, Localized } from './i18n';
import { safeDateTime, safeText } from './text';

/**
 * Change-log entity `data_use`: one use of the person's data, by an agency (event `data.used`) or by
 * one of the app's rules reading register facts to decide an offer. The words are the catalogue's
 * (src/server/data-uses/catalogue.ts) as they were when the data was used.
 */
export const DataUseRow = z.object({
  id: z.uuid(),
  source: z.enum(['agency', 'rule']),
  agencyId: safeText(),
  /** The agency's department or office that used the data, when it said. */
  unit: safeText().nullable(),
  register: safeText(),
  registerName: Localized,
  /** The kinds of data used (an agency's use) or the facts read (a rule's). */
  categories: z.array(z.object({ code: safeText(), name: Localized })),
  purposeCode: safeText(),
  purpose: Localized,
  /** The agency's own words about the purpose, besides the catalogue's. */
  purposeText: Localized.nullable(),
  legalBasis: Localized,
  /** The act in the State Gazette. */
  legalUrl: z.url().nullable(),
  subServiceId: safeText().nullable(),
  offerId: z.uuid().nullable(),
  stepId: z.uuid().nullable(),
  usedAt: safeDateTime(),
  /** The person's questions about this use, oldest first, each with the agency's answer once given. */
  questions: z.array(
    z.object({
      id: z.uuid(),
      text: safeText(),
      askedAt: safeDateTime(),
      /** The answer is due by then (ANSWER_DAYS after asking); past it unanswered, the person may complain. */
      dueBy: safeDateTime(),
      answer: safeText().nullable(),
      answeredAt: safeDateTime().nullable(),
    }),
  ),
});
export type DataUseRow = z.infer<typeof DataUseRow>;

/**
 * The time an agency has to answer: a month, as the GDPR (article 12(3)) gives for a person's request
 * about their data; counted here as 30 days.
 */
export const ANSWER_DAYS = 30;

export const MAX_QUESTION = 2000;
export const MAX_ANSWER = 4000;

/** Mutation `data_use.ask`: a question about one use of the person's data, to the agency that used it. */
export const DataUseAskPayload = z
  .object({
    /** Made on the device, so the question shows at once in its thread. */
    questionId: z.uuid(),
    dataUseId: z.uuid(),
    text: safeText().trim().min(1).max(MAX_QUESTION),
    language: LangSchema,
  })
  .strict();
export type DataUseAskPayload = z.infer<typeof DataUseAskPayload>;
