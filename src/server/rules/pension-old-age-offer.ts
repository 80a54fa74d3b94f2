import { FIELD } from './fields';
import type { RuleInput } from './schema';
import { LABEL, REGISTER, ruleConsequences, ruleTexts } from './texts';

/** Old-age pension, offered before pension age to everyone living in Estonia who reaches it, with consent. */
export const pensionOldAgeOffer: RuleInput = {
  id: 'pension-old-age-offer',
  subServiceId: 'pension-old-age-offer',
  eventServiceId: 'retirement',
  agencyId: 'ska',
  triggers: ['pension.age_approaching'],
  audience: ['person'],
  per: 'event',
  recipients: 'each',
  conditions: [{ kind: 'fact', path: 'residence.country', op: 'in', values: ['EE'] }],
  kind: 'consent',
  deadlineDays: 30,
  fields: [
    FIELD.name,
    FIELD.personalCode,
    {
      key: 'startDate',
      type: 'date',
      label: LABEL.pensionStart,
      value: '{{pensionDate}}',
      source: REGISTER.socialInsurance,
      editable: false,
    },
    FIELD.address,
    FIELD.bankAccount,
  ],
  consequences: ruleConsequences('pension-old-age-offer'),
  undoDecline: true,
  ...ruleTexts('pension-old-age-offer'),
};
