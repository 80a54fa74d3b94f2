import { FIELD } from './fields';
import type { RuleInput } from './schema';
import { CONSEQUENCES, ruleTexts } from './texts';

/** Child allowance: monthly for every child under 16, to one parent living in Estonia (the mother first); zero-touch. */
export const childAllowance: RuleInput = {
  id: 'child-allowance',
  subServiceId: 'child-allowance',
  eventServiceId: 'having-a-child',
  agencyId: 'ska',
  triggers: ['population.birth_registered'],
  audience: ['parent'],
  per: 'subject',
  recipients: 'first_eligible',
  conditions: [
    { kind: 'fact', path: 'residence.country', op: 'in', values: ['EE'] },
    { kind: 'age', of: 'subject', under: 16 },
  ],
  kind: 'automatic',
  deadlineDays: 14,
  fields: [FIELD.child, FIELD.childPersonalCode, FIELD.bankAccount],
  consequences: CONSEQUENCES.automatic,
  undoDecline: true,
  ...ruleTexts('child-allowance'),
};
