import { z } from 'zod';
import { safeDate, safeDateTime, safeText } from './text';

/**
 * Mandates (volitus): the right to act for another person. `parent` and `guardian` come from the
 * population register; an `authorisation` is given in the app by the person it is for.
 */
export const MandateKind = z.enum(['parent', 'guardian', 'authorisation']);
export type MandateKind = z.infer<typeof MandateKind>;

/** `view`: see the person's data; `act`: also answer offers, read messages and give feedback for them. */
export const MandateScope = z.enum(['view', 'act']);
export type MandateScope = z.infer<typeof MandateScope>;

export const MandateStatus = z.enum(['active', 'revoked', 'declined', 'removed']);
export type MandateStatus = z.infer<typeof MandateStatus>;

/** How long an authorisation given in the app may last at most. */
export const MAX_AUTHORISATION_YEARS = 3;
export const MAX_MANDATE_SERVICES = 20;

/** Mutation `mandate.grant`: the signed-in person authorises another, by personal code. */
export const MandateGrantPayload = z.strictObject({
  mandateId: z.uuid(),
  personalCode: safeText().trim().max(32),
  scope: MandateScope,
  /** Event service ids it covers; null: all services. */
  services: z.array(safeText().min(1).max(64)).min(1).max(MAX_MANDATE_SERVICES).nullable(),
  /** Last day it holds (YYYY-MM-DD, Tallinn): today at the earliest, at most three years ahead. */
  validUntil: safeDate(),
});
export type MandateGrantPayload = z.infer<typeof MandateGrantPayload>;

/** Mutation `mandate.revoke` (the person who gave it) or `mandate.decline` (the person who was given it). */
export const MandateEndPayload = z.strictObject({ mandateId: z.uuid() });
export type MandateEndPayload = z.infer<typeof MandateEndPayload>;

/**
 * A mandate as each of its two people sees it. `role`: `actor` when the signed-in person may act for
 * `person`, `subject` when `person` may act for them. A mandate past `validUntil` holds no more.
 */
export const MandateRow = z.object({
  id: z.uuid(),
  kind: MandateKind,
  role: z.enum(['actor', 'subject']),
  person: z.object({ id: z.uuid(), givenName: safeText(), familyName: safeText() }),
  scope: MandateScope,
  services: z.array(safeText()).nullable(),
  validUntil: safeDate(),
  status: MandateStatus,
  createdAt: safeDateTime(),
  endedAt: safeDateTime().nullable(),
});
export type MandateRow = z.infer<typeof MandateRow>;

/** Whether the mandate holds on `today` (YYYY-MM-DD in Tallinn). */
export const mandateHolds = (m: Pick<MandateRow, 'status' | 'validUntil'>, today: string) =>
  m.status === 'active' && m.validUntil >= today;

/** `validUntil` of a guardianship the court set no end for. */
export const NO_END_DATE = '2199-12-31';
