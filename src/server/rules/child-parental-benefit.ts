import type { RuleInput } from './schema';
import { LABEL, REGISTER, t } from './texts';

/** Parental benefit: offered to each parent living in Estonia, with their consent; each chooses the start. One per birth (twins too). */
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
      type: 'personalCode',
      label: LABEL.personalCode,
      value: '{{personalCode}}',
      source: REGISTER.population,
      editable: false,
    },
    { key: 'child', label: LABEL.child, value: '{{childName}}', source: REGISTER.population, editable: false },
    {
      key: 'startDate',
      type: 'date',
      label: LABEL.benefitStart,
      value: '{{childBirthDate}}',
      min: '{{childBirthDate}}',
      max: '{{childBirthDate}}+1095',
      source: REGISTER.population,
      editable: true,
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
  consequences: {
    decline: t(
      'Vanemahüvitist sulle ei määrata. Kuni tähtajani saad loobumise tagasi võtta. Hiljem saad hüvitist taotleda avaldusega, kuni laps saab 3-aastaseks.',
      'Parental benefit is not granted to you. Until the deadline you can take your decline back. Later you can apply for it until the child turns 3.',
      'Родительское пособие вам не назначат. До окончания срока отказ можно отменить. Позже пособие можно запросить заявлением, пока ребёнку не исполнится 3 года.',
      'Батьківську допомогу вам не призначать. До кінця строку відмову можна скасувати. Пізніше допомогу можна отримати за заявою, доки дитині не виповниться 3 роки.',
    ),
    deadline: t(
      'Kui sa tähtajaks ei nõustu, pakkumine aegub. Hüvitist saad siis taotleda avaldusega, kuni laps saab 3-aastaseks.',
      'If you do not accept by the deadline, the offer ends. You can then apply for the benefit until the child turns 3.',
      'Если вы не согласитесь до окончания срока, предложение истечёт. Тогда пособие можно запросить заявлением, пока ребёнку не исполнится 3 года.',
      'Якщо ви не погодитеся до кінця строку, пропозиція спливе. Тоді допомогу можна отримати за заявою, доки дитині не виповниться 3 роки.',
    ),
  },
  undoDecline: true,
  legalBasis: t(
    'Perehüvitiste seadus (vanemahüvitis)',
    'Family Benefits Act (parental benefit)',
    'Закон о семейных пособиях (родительское пособие)',
    'Закон про сімейні допомоги (батьківська допомога)',
  ),
  dataBasis: t(
    'Rahvastikuregistri andmetel sündis sinu laps {{childName}} {{childBirthDate}} ja oled tema vanem. Perehüvitiste seaduse järgi on sul õigus vanemahüvitisele. Sama pakkumise saab ka teine vanem: kumbki valib, mis päevast tema hüvitis algab. Kontrolli andmeid ja nõustu, siis määrab Sotsiaalkindlustusamet hüvitise.',
    'The population register shows that your child {{childName}} was born on {{childBirthDate}} and that you are the parent. Under the Family Benefits Act you are entitled to parental benefit. The other parent gets the same offer: each of you chooses the day your benefit starts. Check the details and accept, and the Social Insurance Board will grant the benefit.',
    'По данным регистра народонаселения ваш ребёнок {{childName}} родился {{childBirthDate}}, и вы его родитель. По Закону о семейных пособиях вы имеете право на родительское пособие. Такое же предложение получает и второй родитель: каждый выбирает, с какого дня начнётся его пособие. Проверьте данные и согласитесь – Департамент социального страхования назначит пособие.',
    'За даними реєстру населення ваша дитина {{childName}} народилася {{childBirthDate}}, і ви її батько чи мати. За Законом про сімейні допомоги ви маєте право на батьківську допомогу. Таку саму пропозицію отримує й другий з батьків: кожен обирає, з якого дня почнеться його допомога. Перевірте дані й погодьтеся – Департамент соціального страхування призначить допомогу.',
  ),
};
