import { z } from 'zod';
import { IsoDate } from './cases';
import { Localized } from './i18n';
import { safeDateTime, safeText } from './text';

/**
 * Proactive offers: a service the state proposes on its own initiative from register data. The server
 * writes each offer to the person's change log as entity `offer`; the client mirrors it in IndexedDB.
 *
 * consent: the person must accept by the deadline; automatic: granted unless declined by the deadline.
 */
export const OfferKind = z.enum(['consent', 'automatic']);
export type OfferKind = z.infer<typeof OfferKind>;

/**
 * pending: waiting for the person; accepted / declined: the person decided; granted: an automatic
 * offer's deadline passed without a decline; expired: a consent offer's deadline passed without a yes.
 */
export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'granted', 'expired'] as const;
export const OfferStatus = z.enum(OFFER_STATUSES);
export type OfferStatus = z.infer<typeof OfferStatus>;

/** One piece of data the state filled in for the person to check, with the register it came from. */
export const PrefilledField = z.object({
  key: safeText().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: Localized,
  /** As the register has it; '' when the register has nothing (then the person may fill it in, if editable). */
  value: safeText(),
  /** The register (data source) the value comes from. */
  source: Localized,
  /** Whether the person may correct it when accepting. */
  editable: z.boolean(),
});
export type PrefilledField = z.infer<typeof PrefilledField>;

/** Change-log entity `offer`. */
export const OfferRow = z.object({
  id: z.uuid(),
  subServiceId: safeText(),
  eventServiceId: safeText(),
  caseId: z.uuid().nullable(),
  stepId: z.uuid().nullable(),
  agencyId: safeText(),
  kind: OfferKind,
  status: OfferStatus,
  /** Accept (consent) or decline (automatic) by the end of this day, Estonian time. */
  deadline: IsoDate,
  /** Whom the offer is about besides the person (the child), or null. */
  subjectName: safeText().nullable(),
  fields: z.array(PrefilledField),
  /** Why the state made the offer, in plain words: which data from which register. */
  dataBasis: Localized,
  /** The law that gives the right, e.g. "Riikliku pensionikindlustuse seadus § 7". */
  legalBasis: Localized,
  /** Whether the person may decline (false for duties, e.g. the call-up, where only details can be corrected). */
  declinable: z.boolean(),
  createdAt: safeDateTime(),
  decidedAt: safeDateTime().nullable(),
  /** The values the person confirmed or corrected, by field key (accepted offers only). */
  acceptedFields: z.record(safeText(), safeText()).nullable(),
  declineReason: safeText().nullable(),
});
export type OfferRow = z.infer<typeof OfferRow>;

export const MAX_FIELD_VALUE = 200;
export const MAX_DECLINE_REASON = 1000;

/** Mutation `offer.accept`: the values of editable fields the person corrected, by key (others stay as filled in). */
export const OfferAcceptPayload = z
  .object({
    offerId: z.uuid(),
    fields: z.record(safeText(), safeText().trim().max(MAX_FIELD_VALUE)).optional(),
  })
  .strict();
export type OfferAcceptPayload = z.infer<typeof OfferAcceptPayload>;

/** Mutation `offer.decline`, with an optional reason in the person's own words. */
export const OfferDeclinePayload = z
  .object({ offerId: z.uuid(), reason: safeText().trim().max(MAX_DECLINE_REASON).optional() })
  .strict();
export type OfferDeclinePayload = z.infer<typeof OfferDeclinePayload>;
