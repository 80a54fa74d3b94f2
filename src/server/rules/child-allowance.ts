import type { RuleInput } from './schema';
import { LABEL, REGISTER, t } from './texts';

/** Child allowance: monthly for every child under 16, to one parent living in Estonia (the mother first); zero-touch. */
export const childAllowance: RuleInput = {
  id: 'child-allowance',
  subServiceId: 'child-allowance',
  eventServiceId: 'having-a-child',
  agencyId: 'ska',
  triggers: ['population.birth_registered'],
  audience: ['parent'],
  per: 'subject',
  recipients: 'first_eligible',
  conditions: [
    { kind: 'fact', path: 'residence.country', op: 'in', values: ['EE'] },
    { kind: 'age', of: 'subject', under: 16 },
  ],
  kind: 'automatic',
  deadlineDays: 14,
  fields: [
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
    'Perehüvitiste seadus § 17 (lapsetoetus)',
    'Family Benefits Act § 17 (child allowance)',
    'Perehüvitiste seadus § 17 (Закон о семейных пособиях: пособие на ребёнка)',
    'Perehüvitiste seadus § 17 (Закон про сімейні допомоги: допомога на дитину)',
  ),
  dataBasis: t(
    'Rahvastikuregistri andmetel sündis sinu laps {{childName}} {{childBirthDate}} ja elate Eestis. Lapsetoetust makstakse igal kuul kuni lapse 16-aastaseks saamiseni. Sotsiaalkindlustusamet määrab toetuse ise, kui sa sellest ei loobu.',
    'The population register shows that your child {{childName}} was born on {{childBirthDate}} and that you live in Estonia. The child allowance is paid every month until the child turns 16. The Social Insurance Board grants it on its own unless you decline it.',
    'По данным регистра народонаселения ваш ребёнок {{childName}} родился {{childBirthDate}}, и вы живёте в Эстонии. Пособие на ребёнка выплачивается ежемесячно до достижения ребёнком 16 лет. Департамент социального страхования назначит его сам, если вы не откажетесь.',
    'За даними реєстру населення ваша дитина {{childName}} народилася {{childBirthDate}}, і ви проживаєте в Естонії. Допомогу на дитину виплачують щомісяця, доки дитині не виповниться 16 років. Департамент соціального страхування призначить її сам, якщо ви не відмовитеся.',
  ),
};
