import type { RuleInput } from './schema';
import { LABEL, REGISTER, t } from './texts';

/** Childbirth allowance: for every child born, to one parent living in Estonia (the mother first); zero-touch. */
export const childBirthAllowance: RuleInput = {
  id: 'child-birth-allowance',
  subServiceId: 'child-birth-allowance',
  eventServiceId: 'having-a-child',
  agencyId: 'ska',
  triggers: ['population.birth_registered'],
  audience: ['parent'],
  per: 'subject',
  recipients: 'first_eligible',
  conditions: [{ kind: 'fact', path: 'residence.country', op: 'in', values: ['EE'] }],
  kind: 'automatic',
  deadlineDays: 14,
  fields: [
    { key: 'child', label: LABEL.child, value: '{{childName}}', source: REGISTER.population, editable: false },
    {
      key: 'childBirthDate',
      label: LABEL.childBirthDate,
      value: '{{childBirthDate}}',
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
    'Perehüvitiste seadus § 22 (sünnitoetus)',
    'Family Benefits Act § 22 (childbirth allowance)',
    'Perehüvitiste seadus § 22 (Закон о семейных пособиях: пособие по рождению ребёнка)',
    'Perehüvitiste seadus § 22 (Закон про сімейні допомоги: допомога при народженні дитини)',
  ),
  dataBasis: t(
    'Rahvastikuregistri andmetel sündis sinu laps {{childName}} {{childBirthDate}}. Sünnitoetust makstakse iga sündinud lapse kohta ühele vanemale, kes elab Eestis. Sotsiaalkindlustusamet määrab selle ise – avaldust pole vaja.',
    'The population register shows that your child {{childName}} was born on {{childBirthDate}}. The childbirth allowance is paid for every child born to one parent living in Estonia. The Social Insurance Board grants it on its own – no application is needed.',
    'По данным регистра народонаселения ваш ребёнок {{childName}} родился {{childBirthDate}}. Пособие по рождению выплачивается за каждого родившегося ребёнка одному из родителей, проживающему в Эстонии. Департамент социального страхования назначает его сам – заявление не нужно.',
    'За даними реєстру населення ваша дитина {{childName}} народилася {{childBirthDate}}. Допомогу при народженні виплачують за кожну народжену дитину одному з батьків, який проживає в Естонії. Департамент соціального страхування призначає її сам – заява не потрібна.',
  ),
};
