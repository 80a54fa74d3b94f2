import { FIELD } from './fields';
import type { RuleInput } from './schema';
import { LABEL, REGISTER, ruleConsequences, ruleTexts } from './texts';

/** Parental benefit: offered to each parent living in Estonia, with their consent; each chooses the start. One per birth (twins too). */
export const childParentalBenefit: RuleInput = {
  id: 'child-parental-benefit',
  subServiceId: 'child-parental-benefit',
  eventServiceId: 'having-a-child',
  agencyId: 'ska',
  triggers: ['population.birth_registered'],
  audience: ['parent'],
  per: 'event',
  recipients: 'each',
  conditions: [{ kind: 'fact', path: 'residence.country', op: 'in', values: ['EE'] }],
  kind: 'consent',
  deadlineDays: 30,
  fields: [
    FIELD.name,
    FIELD.personalCode,
    FIELD.child,
    {
      key: 'startDate',
      type: 'date',
      label: LABEL.benefitStart,
      value: '{{childBirthDate}}',
      min: '{{childBirthDate}}',
      max: '{{childBirthDate}}+1095',
      source: REGISTER.population,
      editable: true,
    },
    FIELD.bankAccount,
  ],
  consequences: ruleConsequences('child-parental-benefit'),
  undoDecline: true,
  ...ruleTexts('child-parental-benefit'),
};
