import type { RuleInput } from './schema';
import { CONSEQUENCES, LABEL, REGISTER, ruleTexts } from './texts';

/** Survivor's allowance: for every child under 18 of the deceased, offered to the surviving spouse, with consent. */
export const deathSurvivorAllowanceChild: RuleInput = {
  id: 'death-survivor-allowance-child',
  subServiceId: 'death-survivor-allowance-child',
  eventServiceId: 'death-of-close-one',
  agencyId: 'ska',
  triggers: ['population.death_registered'],
  audience: ['spouse'],
  per: 'subject',
  recipients: 'each',
  conditions: [{ kind: 'age', of: 'subject', under: 18 }],
  kind: 'consent',
  deadlineDays: 30,
  fields: [
    { key: 'deceased', label: LABEL.deceased, value: '{{deceasedName}}', source: REGISTER.population, editable: false },
    { key: 'child', label: LABEL.child, value: '{{childName}}', source: REGISTER.population, editable: false },
    {
      key: 'childPersonalCode',
      label: LABEL.childPersonalCode,
      value: '{{childPersonalCode}}',
      source: REGISTER.population,
      editable: false,
    },
    {
      key: 'bankAccount',
      type: 'iban',
      label: LABEL.bankAccount,
      value: '{{bankAccount}}',
      source: REGISTER.socialInsurance,
      editable: true,
    },
  ],
  consequences: CONSEQUENCES.consent,
  undoDecline: true,
  ...ruleTexts('death-survivor-allowance-child'),
};
