import { FIELD } from './fields';
import type { RuleInput } from './schema';
import { CONSEQUENCES, LABEL, REGISTER, ruleTexts } from './texts';

/** Childbirth allowance: for every child born, to one parent living in Estonia (the mother first); zero-touch. */
export const childBirthAllowance: RuleInput = {
  id: 'child-birth-allowance',
  subServiceId: 'child-birth-allowance',
  eventServiceId: 'having-a-child',
  agencyId: 'ska',
  triggers: ['population.birth_registered'],
  audience: ['parent'],
  per: 'subject',
  recipients: 'first_eligible',
  conditions: [{ kind: 'fact', path: 'residence.country', op: 'in', values: ['EE'] }],
  kind: 'automatic',
  deadlineDays: 14,
  fields: [
    FIELD.child,
    {
      key: 'childBirthDate',
      type: 'date',
      label: LABEL.childBirthDate,
      value: '{{childBirthDate}}',
      source: REGISTER.population,
      editable: false,
    },
    FIELD.bankAccount,
  ],
  consequences: CONSEQUENCES.automatic,
  undoDecline: true,
  ...ruleTexts('child-birth-allowance'),
};
