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
