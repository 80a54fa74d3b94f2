import type { RuleInput } from './schema';
import { LABEL, REGISTER, t } from './texts';

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
  legalBasis: t(
    'Riikliku pensionikindlustuse seadus § 7 (vanaduspensioni saamise õigus)',
    'State Pension Insurance Act § 7 (right to an old-age pension)',
    'Riikliku pensionikindlustuse seadus § 7 (Закон о государственном пенсионном страховании: право на пенсию по старости)',
    'Riikliku pensionikindlustuse seadus § 7 (Закон про державне пенсійне страхування: право на пенсію за віком)',
  ),
  dataBasis: t(
    'Rahvastikuregistri andmetel oled sündinud {{birthDate}} ja elad Eestis, seega jõuad vanaduspensioniikka {{pensionDate}}. Kinnita andmed ja pangakonto, et pension hakkaks laekuma pensioniea saabumisest.',
    'The population register shows that you were born on {{birthDate}} and live in Estonia, so you reach the old-age pension age on {{pensionDate}}. Confirm the details and your bank account so that the pension is paid from that day.',
    'По данным регистра народонаселения вы родились {{birthDate}} и живёте в Эстонии, поэтому достигнете пенсионного возраста {{pensionDate}}. Подтвердите данные и банковский счёт, чтобы пенсия начала поступать с этого дня.',
    'За даними реєстру населення ви народилися {{birthDate}} і проживаєте в Естонії, тож досягнете пенсійного віку {{pensionDate}}. Підтвердьте дані та банківський рахунок, щоб пенсія надходила з цього дня.',
  ),
};
