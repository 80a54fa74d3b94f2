import { FIELD } from './fields';
import type { RuleInput } from './schema';
import { CONSEQUENCES, ruleTexts } from './texts';

/**
 * Allowance for pensioners living alone: zero-touch for those reaching pension age who have no spouse
 * (the population register's marital status stands in for "living alone" until the address data is used).
 */
export const pensionLivingAloneAllowance: RuleInput = {
  id: 'pension-living-alone-allowance',
  subServiceId: 'pension-living-alone-allowance',
  eventServiceId: 'retirement',
  agencyId: 'ska',
  triggers: ['pension.age_approaching'],
  audience: ['person'],
  per: 'event',
  recipients: 'each',
  conditions: [
    { kind: 'fact', path: 'residence.country', op: 'in', values: ['EE'] },
    { kind: 'fact', path: 'maritalStatus', op: 'in', values: ['single', 'divorced', 'widowed'] },
  ],
  kind: 'automatic',
  deadlineDays: 30,
  fields: [FIELD.name, FIELD.address, FIELD.bankAccount],
  consequences: CONSEQUENCES.automatic,
  undoDecline: true,
  ...ruleTexts('pension-living-alone-allowance'),
};
