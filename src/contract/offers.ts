import { z } from 'zod';
import { IsoDate } from './cases';
import { FIELD_TYPES } from './fields';
import { Localized } from './i18n';
import { safeDateTime, safeText } from './text';

/**
 * Proactive offers: a service the state proposes on its own initiative from register data. The server
 * writes each offer to the person's change log as entity `offer`; the client mirrors it in IndexedDB.
 *
 * consent: the person must accept by the deadline; automatic: granted unless declined by the deadline;
 * duty: a legal obligation (the call-up), not an offer: the person checks and corrects the details, and
 * can neither accept nor decline it.
 */
export const OfferKind = z.enum(['consent', 'automatic', 'duty']);
export type OfferKind = z.infer<typeof OfferKind>;

/**
 * pending: waiting for the person; accepted / declined: the person decided; granted: an automatic
 * offer's deadline passed without a decline; expired: a consent offer's deadline passed without a yes;
 * confirmed: the person checked (and corrected) the details of a duty.
 */
export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'granted', 'expired', 'confirmed'] as const;
export const OfferStatus = z.enum(OFFER_STATUSES);
export type OfferStatus = z.infer<typeof OfferStatus>;

/** One piece of data the state filled in for the person to check, with the register it came from. */
export const PrefilledField = z.object({
  key: safeText().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: Localized,
  /** What kind of value it is, checked on the phone and on the server (src/contract/fields.ts). */
  type: z.enum(FIELD_TYPES),
  /** Dates: the first and last date allowed, YYYY-MM-DD; null for no limit. */
  min: IsoDate.nullable(),
  max: IsoDate.nullable(),
  /** As the register has it (a date as YYYY-MM-DD); '' when no register has it (then the person fills it in, if editable). */
  value: safeText(),
  /** The register the value comes from; null when no register has it. */
  source: Localized.nullable(),
  /** Whether the person may correct it when accepting. */
  editable: z.boolean(),
});
export type PrefilledField = z.infer<typeof PrefilledField>;

/** An act in Riigi Teataja, the state's official gazette (and nowhere else: the link is shown as the law). */
export const LegalBasisUrl = z
  .url({ protocol: /^https$/, hostname: /^www\.riigiteataja\.ee$/ })
  .nullable()
  .default(null);

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
  /** Where the act is in Riigi Teataja, with the section where known; null if not known. */
  legalBasisUrl: LegalBasisUrl,
  /** Whether the person may decline (false for duties, e.g. the call-up, where only details can be corrected). */
  declinable: z.boolean(),
  /** A duty's heading, as what it is ("You are called up to conscript service"); null for offers. */
  heading: Localized.nullable(),
  /** What happens if the person declines, and if the deadline passes without an answer; null for duties. */
  consequences: z.object({ decline: Localized, deadline: Localized }).nullable(),
  /** Whether a decline can be taken back while the offer is open (before its deadline). */
  undoDecline: z.boolean(),
  /** The routes the law gives besides (a duty's deferral, alternative service): the agency's pages. */
  links: z.array(z.object({ label: Localized, url: z.url() })),
  createdAt: safeDateTime(),
  decidedAt: safeDateTime().nullable(),
  /** Who decided, when it was not the person themselves (a parent, a person they authorised); absent: they did. */
  decidedBy: z.object({ givenName: safeText(), familyName: safeText() }).nullable().optional(),
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

/** Mutation `duty.confirm`: the person checked a duty's details, with the corrections of editable fields. */
export const DutyConfirmPayload = OfferAcceptPayload;
export type DutyConfirmPayload = OfferAcceptPayload;

/** Mutation `offer.undo_decline`: takes a decline back while the offer is open, where its rule allows. */
export const OfferUndoDeclinePayload = z.object({ offerId: z.uuid() }).strict();
export type OfferUndoDeclinePayload = z.infer<typeof OfferUndoDeclinePayload>;

/** Mutation `offer.decline`, with an optional reason in the person's own words. */
export const OfferDeclinePayload = z
  .object({ offerId: z.uuid(), reason: safeText().trim().max(MAX_DECLINE_REASON).optional() })
  .strict();
export type OfferDeclinePayload = z.infer<typeof OfferDeclinePayload>;
