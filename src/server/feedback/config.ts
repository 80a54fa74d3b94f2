import type { FeedbackQuestion } from '../../contract/feedback';

/**
 * Services a person cannot choose (duties, registrations, taxes): "would you recommend" makes no sense
 * there, so they are asked how smooth the service was.
 */
const SMOOTHNESS_ONLY = new Set([
  'child-birth-registration',
  'death-registration',
  'defence-registration',
  'defence-health-assessment',
  'defence-call-up',
  'marriage-joint-tax-return',
  'pension-income-tax',
  'divorce-court',
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

export const questionFor = (subServiceId: string): FeedbackQuestion =>
  SMOOTHNESS_ONLY.has(subServiceId) ? 'smooth' : 'recommend';

export const delayDaysFor = (subServiceId: string): number => DELAY_DAYS[subServiceId] ?? DEFAULT_DELAY_DAYS;
