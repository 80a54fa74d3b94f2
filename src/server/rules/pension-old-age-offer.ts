import type { RuleInput } from './schema';
import { LABEL, REGISTER, ruleTexts } from './texts';

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
    { key: 'name', label: LABEL.name, value: '{{personName}}', source: REGISTER.population, editable: false },
    {
      key: 'personalCode',
      label: LABEL.personalCode,
      value: '{{personalCode}}',
      source: REGISTER.population,
      editable: false,
    },
    {
      key: 'startDate',
      label: LABEL.pensionStart,
      value: '{{pensionDate}}',
      source: REGISTER.socialInsurance,
      editable: false,
    },
    { key: 'address', label: LABEL.address, value: '{{address}}', source: REGISTER.population, editable: false },
    {
      key: 'bankAccount',
      label: LABEL.bankAccount,
      value: '{{bankAccount}}',
      source: REGISTER.socialInsurance,
      editable: true,
    },
  ],
  ...ruleTexts('pension-old-age-offer'),
};
