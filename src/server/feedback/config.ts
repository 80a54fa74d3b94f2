import type { SubServiceKind } from '../../contract/catalogue';
import type { FeedbackQuestion } from '../../contract/feedback';

/**
 * Optional services that still have no alternative (one agency issues the document): asked "how smooth",
 * like every compulsory one.
 */
const NO_ALTERNATIVE = new Set([
  'child-id-document',
  'marriage-joint-tax-return',
  'marriage-certificate',
  'settling-driving-licence',
]);

/** Days after completion before asking: long enough to have seen the result, short enough to remember. */
const DELAY_DAYS: Record<string, number> = {
  'child-parental-benefit': 2,
  'pension-old-age-offer': 3,
  'child-disability-assessment': 3,
};

export const DEFAULT_DELAY_DAYS = 1;
export const EXPIRES_AFTER_DAYS = 14;
export const ONCE_PER_DAYS = 30;

/**
 * "Would you recommend…" only where the person chose the service and had an alternative (an optional
 * service); a registration, a duty or a benefit nobody can choose is asked "how smooth was it".
 */
export const questionFor = (subServiceId: string, kind: SubServiceKind | undefined): FeedbackQuestion =>
  kind === 'convenience' && !NO_ALTERNATIVE.has(subServiceId) ? 'recommend' : 'smooth';

export const delayDaysFor = (subServiceId: string): number => DELAY_DAYS[subServiceId] ?? DEFAULT_DELAY_DAYS;
