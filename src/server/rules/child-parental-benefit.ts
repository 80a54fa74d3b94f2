import type { RuleInput } from './schema';
import { LABEL, REGISTER, t } from './texts';

/** Parental benefit: offered to each parent living in Estonia (they share it), with their consent. One per birth (twins too). */
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
    { key: 'name', label: LABEL.name, value: '{{personName}}', source: REGISTER.population, editable: false },
    {
      key: 'personalCode',
      label: LABEL.personalCode,
      value: '{{personalCode}}',
      source: REGISTER.population,
      editable: false,
    },
    { key: 'child', label: LABEL.child, value: '{{childName}}', source: REGISTER.population, editable: false },
    {
      key: 'startDate',
      label: LABEL.benefitStart,
      value: '{{childBirthDate}}',
      source: REGISTER.population,
      editable: true,
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
    'Perehüvitiste seadus (vanemahüvitis)',
    'Family Benefits Act (parental benefit)',
    'Perehüvitiste seadus (Закон о семейных пособиях: родительское пособие)',
    'Perehüvitiste seadus (Закон про сімейні допомоги: батьківська допомога)',
  ),
  dataBasis: t(
    'Rahvastikuregistri andmetel sündis sinu laps {{childName}} {{childBirthDate}} ja oled tema vanem. Perehüvitiste seaduse järgi on sul õigus vanemahüvitisele, mida vanemad saavad omavahel jagada. Kontrolli andmeid ja nõustu, siis määrab Sotsiaalkindlustusamet hüvitise.',
    'The population register shows that your child {{childName}} was born on {{childBirthDate}} and that you are the parent. Under the Family Benefits Act you are entitled to parental benefit, which the parents can share. Check the details and accept, and the Social Insurance Board will grant the benefit.',
    'По данным регистра народонаселения ваш ребёнок {{childName}} родился {{childBirthDate}}, и вы его родитель. По Закону о семейных пособиях вы имеете право на родительское пособие, которое родители могут разделить между собой. Проверьте данные и согласитесь – Департамент социального страхования назначит пособие.',
    'За даними реєстру населення ваша дитина {{childName}} народилася {{childBirthDate}}, і ви її батько чи мати. За Законом про сімейні допомоги ви маєте право на батьківську допомогу, яку батьки можуть розподілити між собою. Перевірте дані й погодьтеся – Департамент соціального страхування призначить допомогу.',
  ),
};
