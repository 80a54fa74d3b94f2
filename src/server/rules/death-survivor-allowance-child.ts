import type { RuleInput } from './schema';
import { CONSEQUENCES, LABEL, REGISTER, t } from './texts';

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
  legalBasis: t(
    'Riikliku pensionikindlustuse seadus § 20 (toitjakaotuspension)',
    'State Pension Insurance Act § 20 (survivor’s pension)',
    'Закон о государственном пенсионном страховании § 20 (пенсия по потере кормильца)',
    'Закон про державне пенсійне страхування § 20 (пенсія у зв’язку з втратою годувальника)',
  ),
  dataBasis: t(
    'Rahvastikuregistri andmetel suri {{deceasedName}} {{deathDate}}. Tema laps {{childName}} on alla 18-aastane, seega on lapsel õigus toitjakaotuspensionile. Kinnita andmed ja pangakonto, kuhu toetust maksta.',
    'The population register shows that {{deceasedName}} died on {{deathDate}}. Their child {{childName}} is under 18, so the child is entitled to a survivor’s pension. Confirm the details and the bank account to pay it to.',
    'По данным регистра народонаселения {{deceasedName}} умер(ла) {{deathDate}}. Его/её ребёнку {{childName}} нет 18 лет, поэтому ребёнок имеет право на пенсию по потере кормильца. Подтвердите данные и банковский счёт для выплаты.',
    'За даними реєстру населення {{deceasedName}} помер(ла) {{deathDate}}. Його/її дитині {{childName}} немає 18 років, тому дитина має право на пенсію у зв’язку з втратою годувальника. Підтвердьте дані та банківський рахунок для виплати.',
  ),
};
