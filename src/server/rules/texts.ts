import type { Localized } from '../../contract/i18n';

/** Texts the rules share: the registers data comes from and the labels of prefilled fields. */

export const t = (et: string, en: string, ru: string, uk: string): Localized => ({ et, en, ru, uk });

export const REGISTER = {
  population: t('Rahvastikuregister', 'Population register', 'Регистр народонаселения', 'Реєстр населення'),
  socialInsurance: t(
    'Sotsiaalkindlustusameti andmekogu',
    'Social Insurance Board database',
    'База данных Департамента социального страхования',
    'База даних Департаменту соціального страхування',
  ),
  disability: t(
    'Sotsiaalkaitse infosüsteem (puude raskusaste)',
    'Social protection information system (degree of disability)',
    'Информационная система социальной защиты (степень инвалидности)',
    'Інформаційна система соціального захисту (ступінь інвалідності)',
  ),
  defence: t(
    'Kaitseväekohustuslaste register',
    'Register of persons liable to defence service',
    'Регистр военнообязанных',
    'Реєстр військовозобов’язаних',
  ),
};

export const LABEL = {
  name: t('Nimi', 'Name', 'Имя', 'Ім’я'),
  personalCode: t('Isikukood', 'Personal code', 'Личный код', 'Особистий код'),
  address: t('Elukoht', 'Place of residence', 'Место жительства', 'Місце проживання'),
  bankAccount: t('Pangakonto (IBAN)', 'Bank account (IBAN)', 'Банковский счёт (IBAN)', 'Банківський рахунок (IBAN)'),
  child: t('Laps', 'Child', 'Ребёнок', 'Дитина'),
  childBirthDate: t('Lapse sünniaeg', 'Child’s date of birth', 'Дата рождения ребёнка', 'Дата народження дитини'),
  childPersonalCode: t('Lapse isikukood', 'Child’s personal code', 'Личный код ребёнка', 'Особистий код дитини'),
  benefitStart: t('Hüvitise algus', 'Benefit starts on', 'Начало выплаты пособия', 'Початок виплати допомоги'),
  pensionStart: t('Pensioni algus', 'Pension starts on', 'Начало пенсии', 'Початок пенсії'),
  deceased: t('Lahkunu', 'The deceased', 'Умерший', 'Померла особа'),
  severity: t('Puude raskusaste', 'Degree of disability', 'Степень инвалидности', 'Ступінь інвалідності'),
};

/** What a decline or a missed deadline means, for rules that say nothing more particular. */
export const CONSEQUENCES = {
  consent: {
    decline: t(
      'Teenust sulle ei määrata. Kuni tähtajani saad loobumise tagasi võtta. Hiljem saad seda taotleda avaldusega, kui sul on selleks veel õigus.',
      'The service is not granted to you. Until the deadline you can take your decline back. Later you can apply for it, if you are still entitled to it.',
      'Услугу вам не назначат. До окончания срока отказ можно отменить. Позже её можно запросить заявлением, если у вас ещё есть на неё право.',
      'Послугу вам не призначать. До кінця строку відмову можна скасувати. Пізніше її можна отримати за заявою, якщо ви ще маєте на неї право.',
    ),
    deadline: t(
      'Kui sa tähtajaks ei nõustu, pakkumine aegub ja teenust ei määrata. Hiljem saad seda taotleda avaldusega, kui sul on selleks veel õigus.',
      'If you do not accept by the deadline, the offer ends and the service is not granted. Later you can apply for it, if you are still entitled to it.',
      'Если вы не согласитесь до окончания срока, предложение истечёт и услугу не назначат. Позже её можно запросить заявлением, если у вас ещё есть на неё право.',
      'Якщо ви не погодитеся до кінця строку, пропозиція спливе й послугу не призначать. Пізніше її можна отримати за заявою, якщо ви ще маєте на неї право.',
    ),
  },
  automatic: {
    decline: t(
      'Teenust sulle ei määrata ega maksta. Kuni tähtajani saad loobumise tagasi võtta. Hiljem saad seda taotleda avaldusega, kui sul on selleks veel õigus.',
      'The service is neither granted nor paid to you. Until the deadline you can take your decline back. Later you can apply for it, if you are still entitled to it.',
      'Услугу вам не назначат и не выплатят. До окончания срока отказ можно отменить. Позже её можно запросить заявлением, если у вас ещё есть на неё право.',
      'Послугу вам не призначать і не виплатять. До кінця строку відмову можна скасувати. Пізніше її можна отримати за заявою, якщо ви ще маєте на неї право.',
    ),
    deadline: t(
      'Kui sa ei loobu, määratakse teenus sulle tähtajal ise. Sul pole vaja midagi teha.',
      'If you do not decline, the service is granted to you at the deadline. You do not need to do anything.',
      'Если вы не откажетесь, услугу назначат вам по окончании срока. Вам ничего не нужно делать.',
      'Якщо ви не відмовитеся, послугу призначать вам після закінчення строку. Вам нічого не потрібно робити.',
    ),
  },
};
