import { addToDate } from '../../contract/dates';
import { isValidPersonalCode } from '../../contract/isikukood';
import { MAX_AUTHORISATION_YEARS, type MandateGrantPayload, type MandateScope } from '../../contract/mandates';

/** The "give an authorisation" form as the person fills it in. */
export interface GrantDraft {
  personalCode: string;
  scope: MandateScope;
  /** true: all services; false: only `services`. */
  allServices: boolean;
  services: string[];
  /** YYYY-MM-DD, as a date input gives it ('' when empty or not a date). */
  validUntil: string;
}

export type GrantField = 'personalCode' | 'services' | 'validUntil';

/** What is wrong with a field; the same checks the server makes, so a refusal is rare and only about people it knows. */
export type GrantProblem =
  | 'code_missing'
  | 'code_invalid'
  | 'code_self'
  | 'services_missing'
  | 'until_missing'
  | 'until_past'
  | 'until_too_late';

export const defaultUntil = (today: string) => addToDate(today, 1);
export const latestUntil = (today: string) => addToDate(today, MAX_AUTHORISATION_YEARS);

export const emptyDraft = (today: string): GrantDraft => ({
  personalCode: '',
  scope: 'view',
  allServices: true,
  services: [],
  validUntil: defaultUntil(today),
});

/** The code as typed, without the spaces people put in to read it. */
const cleanCode = (code: string) => code.replace(/\s+/g, '');

/** Every problem of the draft, in the form's order; none: it can be sent. `ownCode`: the signed-in person's. */
export function checkGrant(draft: GrantDraft, today: string, ownCode: string): [GrantField, GrantProblem][] {
  const problems: [GrantField, GrantProblem][] = [];
  const code = cleanCode(draft.personalCode);
  if (!code) problems.push(['personalCode', 'code_missing']);
  else if (!isValidPersonalCode(code)) problems.push(['personalCode', 'code_invalid']);
  else if (code === ownCode) problems.push(['personalCode', 'code_self']);
  if (!draft.allServices && draft.services.length === 0) problems.push(['services', 'services_missing']);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.validUntil)) problems.push(['validUntil', 'until_missing']);
  else if (draft.validUntil < today) problems.push(['validUntil', 'until_past']);
  else if (draft.validUntil > latestUntil(today)) problems.push(['validUntil', 'until_too_late']);
  return problems;
}

/** The `mandate.grant` payload of a draft that passed checkGrant. */
export const grantPayload = (draft: GrantDraft, mandateId: string): MandateGrantPayload => ({
  mandateId,
  personalCode: cleanCode(draft.personalCode),
  scope: draft.scope,
  services: draft.allServices ? null : [...new Set(draft.services)].sort(),
  validUntil: draft.validUntil,
});
