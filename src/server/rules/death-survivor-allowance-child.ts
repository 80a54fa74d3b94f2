import { FIELD } from './fields';
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
    FIELD.child,
    FIELD.childPersonalCode,
    FIELD.bankAccount,
  ],
  consequences: CONSEQUENCES.consent,
  undoDecline: true,
  ...ruleTexts('death-survivor-allowance-child'),
};
