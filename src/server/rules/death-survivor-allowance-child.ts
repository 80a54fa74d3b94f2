import type { RuleInput } from './schema';
import { LABEL, REGISTER, t } from './texts';

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
      label: LABEL.bankAccount,
      value: '{{bankAccount}}',
      source: REGISTER.socialInsurance,
      editable: true,
    },
  ],
  legalBasis: t(
    'Riikliku pensionikindlustuse seadus § 20 (toitjakaotuspension)',
    'State Pension Insurance Act § 20 (survivor’s pension)',
    'Riikliku pensionikindlustuse seadus § 20 (Закон о государственном пенсионном страховании: пенсия по потере кормильца)',
    'Riikliku pensionikindlustuse seadus § 20 (Закон про державне пенсійне страхування: пенсія у зв’язку з втратою годувальника)',
  ),
  dataBasis: t(
    'Tunneme sulle kaasa. Rahvastikuregistri andmetel lahkus {{deceasedName}} {{deathDate}}. Tema laps {{childName}} on alla 18-aastane ja tal on õigus toitjakaotuspensionile. Et Sotsiaalkindlustusamet saaks pensioni maksma hakata, kinnita andmed ja pangakonto.',
    'We are sorry for your loss. The population register shows that {{deceasedName}} died on {{deathDate}}. Their child {{childName}} is under 18 and is entitled to a survivor’s pension. So that the Social Insurance Board can start paying it, confirm the details and the bank account.',
    'Примите наши соболезнования. По данным регистра народонаселения {{deceasedName}} ушёл (ушла) из жизни {{deathDate}}. Ребёнок {{childName}} младше 18 лет и имеет право на пенсию по потере кормильца. Чтобы Департамент социального страхования начал её выплачивать, подтвердите данные и банковский счёт.',
    'Прийміть наші співчуття. За даними реєстру населення {{deceasedName}} пішов (пішла) з життя {{deathDate}}. Дитина {{childName}} молодша за 18 років і має право на пенсію у зв’язку з втратою годувальника. Щоб Департамент соціального страхування почав її виплачувати, підтвердьте дані та банківський рахунок.',
  ),
};
