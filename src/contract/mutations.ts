import type { z } from 'zod';
import { DataUseAskPayload } from './data-uses';
import { FeedbackAnswerPayload, FeedbackDismissPayload } from './feedback';
import { MandateEndPayload, MandateGrantPayload } from './mandates';
import { DutyConfirmPayload, OfferAcceptPayload, OfferDeclinePayload, OfferUndoDeclinePayload } from './offers';
import { NotificationReadPayload, SettingsUpdate } from './person';

/**
 * Every action the client may queue (POST /api/mutations): its payload's schema and the codes the
 * server may refuse it with. Adding a mutation is one entry here and its handler in
 * src/server/sync/handlers.ts (a missing handler does not typecheck).
 */
export const MUTATIONS = {
  'notification.read': { payload: NotificationReadPayload, rejections: ['not_found'] },
  'settings.update': { payload: SettingsUpdate, rejections: [] },
  'offer.accept': {
    payload: OfferAcceptPayload,
    rejections: [
      'not_found',
      'offer_decided',
      'offer_expired',
      'invalid_field',
      'field_not_editable',
      'field_invalid',
      'is_duty',
    ],
  },
  'offer.decline': {
    payload: OfferDeclinePayload,
    rejections: ['not_found', 'offer_decided', 'offer_expired', 'not_declinable'],
  },
  'offer.undo_decline': {
    payload: OfferUndoDeclinePayload,
    rejections: ['not_found', 'not_declined', 'undo_not_allowed', 'offer_expired'],
  },
  'duty.confirm': {
    payload: DutyConfirmPayload,
    rejections: ['not_found', 'not_duty', 'offer_decided', 'invalid_field', 'field_not_editable', 'field_invalid'],
  },
  'feedback.answer': {
    payload: FeedbackAnswerPayload,
    rejections: ['not_found', 'already_answered', 'not_pending', 'feedback_expired'],
  },
  'feedback.dismiss': {
    payload: FeedbackDismissPayload,
    rejections: ['not_found', 'already_answered', 'not_pending', 'feedback_expired'],
  },
  'mandate.grant': {
    payload: MandateGrantPayload,
    rejections: ['mandate_self', 'invalid_code', 'unknown_person', 'end_in_past', 'too_long', 'unknown_service'],
  },
  'mandate.revoke': { payload: MandateEndPayload, rejections: ['not_found'] },
  'mandate.decline': { payload: MandateEndPayload, rejections: ['not_found'] },
  'data_use.ask': { payload: DataUseAskPayload, rejections: ['not_found', 'already_asked'] },
} as const satisfies Record<string, { payload: z.ZodType; rejections: readonly string[] }>;

export type MutationType = keyof typeof MUTATIONS;
export const MUTATION_TYPES = Object.keys(MUTATIONS) as MutationType[];

export type MutationPayloads = { [T in MutationType]: z.infer<(typeof MUTATIONS)[T]['payload']> };

/** The payload schemas by type, typed so that `MUTATION_PAYLOADS[type]` parses to that type's payload. */
export const MUTATION_PAYLOADS: { [T in MutationType]: z.ZodType<MutationPayloads[T]> } = {
  'notification.read': MUTATIONS['notification.read'].payload,
  'settings.update': MUTATIONS['settings.update'].payload,
  'offer.accept': MUTATIONS['offer.accept'].payload,
  'offer.decline': MUTATIONS['offer.decline'].payload,
  'offer.undo_decline': MUTATIONS['offer.undo_decline'].payload,
  'duty.confirm': MUTATIONS['duty.confirm'].payload,
  'feedback.answer': MUTATIONS['feedback.answer'].payload,
  'feedback.dismiss': MUTATIONS['feedback.dismiss'].payload,
  'mandate.grant': MUTATIONS['mandate.grant'].payload,
  'mandate.revoke': MUTATIONS['mandate.revoke'].payload,
  'mandate.decline': MUTATIONS['mandate.decline'].payload,
  'data_use.ask': MUTATIONS['data_use.ask'].payload,
};

/**
 * The types a person may send for someone they have a mandate for (with scope `act`). Everything else
 * (settings, mandates) is only ever the signed-in person's own.
 */
export const ACTS_FOR_SUBJECT: readonly MutationType[] = [
  'notification.read',
  'offer.accept',
  'offer.decline',
  'offer.undo_decline',
  'duty.confirm',
  'feedback.answer',
  'feedback.dismiss',
  'data_use.ask',
];

/**
 * Refusals of any mutation: a type this server does not know, a bad payload, an id another person used,
 * a deadlock that did not clear after a few tries (`busy`), any other failure of the server (`server_error`).
 * Sent for a subject: `not_found` (no mandate for them ever), `mandate_revoked` (the mandate ended before
 * the server applied it: revoked, declined, expired, rights removed, the child turned 18), `mandate_scope`
 * (view only, another service, or a type only the person themselves may send).
 */
export const COMMON_REJECTIONS = [
  'unknown_type',
  'invalid_payload',
  'id_conflict',
  'busy',
  'server_error',
  'not_found',
  'mandate_revoked',
  'mandate_scope',
] as const;

export type RejectionCode = (typeof MUTATIONS)[MutationType]['rejections'][number] | (typeof COMMON_REJECTIONS)[number];

export const REJECTION_CODES: readonly RejectionCode[] = [
  ...new Set([...COMMON_REJECTIONS, ...Object.values(MUTATIONS).flatMap((m) => m.rejections)]),
];

export const isMutationType = (type: string): type is MutationType => Object.hasOwn(MUTATIONS, type);

/** One queued action as the client stores and sends it: its type and that type's payload. */
export type TypedMutation = { [T in MutationType]: { type: T; payload: MutationPayloads[T] } }[MutationType];
