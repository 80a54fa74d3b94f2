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
      type: 'personalCode',
      label: LABEL.personalCode,
      value: '{{personalCode}}',
      source: REGISTER.population,
      editable: false,
    },
    {
      key: 'startDate',
      type: 'date',
      label: LABEL.pensionStart,
      value: '{{pensionDate}}',
      source: REGISTER.socialInsurance,
      editable: false,
    },
    { key: 'address', label: LABEL.address, value: '{{address}}', source: REGISTER.population, editable: false },
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
      'Vanaduspensioni sulle praegu ei määrata ega maksta. Kuni tähtajani saad loobumise tagasi võtta. Hiljem saad pensioni taotleda avaldusega Sotsiaalkindlustusametilt.',
      'The old-age pension is not granted or paid to you now. Until the deadline you can take your decline back. Later you can apply for the pension to the Social Insurance Board.',
      'Пенсию по старости вам сейчас не назначат и не выплатят. До окончания срока отказ можно отменить. Позже пенсию можно запросить заявлением в Департаменте социального страхования.',
      'Пенсію за віком вам зараз не призначать і не виплачуватимуть. До кінця строку відмову можна скасувати. Пізніше пенсію можна отримати за заявою до Департаменту соціального страхування.',
    ),
    deadline: t(
      'Kui sa tähtajaks ei nõustu, pakkumine aegub ja pension ei hakka ise laekuma. Pensioni saad siis taotleda avaldusega.',
      'If you do not accept by the deadline, the offer ends and the pension is not paid on its own. You can then apply for it.',
      'Если вы не согласитесь до окончания срока, предложение истечёт и пенсия сама поступать не начнёт. Тогда её можно запросить заявлением.',
      'Якщо ви не погодитеся до кінця строку, пропозиція спливе й пенсія сама не надходитиме. Тоді її можна отримати за заявою.',
    ),
  },
  undoDecline: true,
  legalBasis: t(
    'Riikliku pensionikindlustuse seadus § 7 (vanaduspensioni saamise õigus)',
    'State Pension Insurance Act § 7 (right to an old-age pension)',
    'Закон о государственном пенсионном страховании § 7 (право на пенсию по старости)',
    'Закон про державне пенсійне страхування § 7 (право на пенсію за віком)',
  ),
  dataBasis: t(
    'Rahvastikuregistri andmetel oled sündinud {{birthDate}} ja elad Eestis, seega jõuad vanaduspensioniikka {{pensionDate}}. Kinnita andmed ja pangakonto, et pension hakkaks laekuma pensioniea saabumisest.',
    'The population register shows that you were born on {{birthDate}} and live in Estonia, so you reach the old-age pension age on {{pensionDate}}. Confirm the details and your bank account so that the pension is paid from that day.',
    'По данным регистра народонаселения вы родились {{birthDate}} и живёте в Эстонии, поэтому достигнете пенсионного возраста {{pensionDate}}. Подтвердите данные и банковский счёт, чтобы пенсия начала поступать с этого дня.',
    'За даними реєстру населення ви народилися {{birthDate}} і проживаєте в Естонії, тож досягнете пенсійного віку {{pensionDate}}. Підтвердьте дані та банківський рахунок, щоб пенсія надходила з цього дня.',
  ),
};
