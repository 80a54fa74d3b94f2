import { FIELD } from './fields';
import type { RuleInput } from './schema';
import { CONSEQUENCES, ruleTexts } from './texts';

/** Settle in Estonia adaptation programme: offered to foreigners whose residence in Estonia began under 5 years ago. */
export const settlingAdaptationProgramme: RuleInput = {
  id: 'settling-adaptation-programme',
  subServiceId: 'settling-adaptation-programme',
  eventServiceId: 'settling-in-estonia',
  agencyId: 'integratsiooni-sihtasutus',
  triggers: ['population.residence_registered'],
  audience: ['person'],
  per: 'event',
  recipients: 'each',
  conditions: [
    { kind: 'fact', path: 'citizenship', op: 'not_in', values: ['EE'] },
    { kind: 'resident_since', withinYears: 5 },
  ],
  kind: 'consent',
  deadlineDays: 60,
  fields: [FIELD.name, FIELD.address],
  consequences: CONSEQUENCES.consent,
  undoDecline: true,
  ...ruleTexts('settling-adaptation-programme'),
};
