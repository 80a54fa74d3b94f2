import type { Localized } from '../../contract/i18n';

/**
 * Texts the rules share: the registers data comes from and the labels of prefilled fields. On Russian and
 * Ukrainian screens a register keeps its official Estonian name, with the translation in brackets
 * (docs/content-style.md): it is the name the person meets on the agency's letters.
 */

export const t = (et: string, en: string, ru: string, uk: string): Localized => ({ et, en, ru, uk });

export const REGISTER = {
  population: t(
    'Rahvastikuregister',
    'Population register',
    'Rahvastikuregister (регистр народонаселения)',
    'Rahvastikuregister (реєстр населення)',
  ),
  socialInsurance: t(
    'Sotsiaalkindlustusameti andmekogu',
    'Social Insurance Board database',
    'Sotsiaalkindlustusameti andmekogu (база данных Департамента социального страхования)',
    'Sotsiaalkindlustusameti andmekogu (база даних Департаменту соціального страхування)',
  ),
  disability: t(
    'Sotsiaalkaitse infosüsteem (puude raskusaste)',
    'Social protection information system (degree of disability)',
    'Sotsiaalkaitse infosüsteem (информационная система социальной защиты, степень инвалидности)',
    'Sotsiaalkaitse infosüsteem (інформаційна система соціального захисту, ступінь інвалідності)',
  ),
  defence: t(
    'Kaitseväekohustuslaste register',
    'Register of persons liable to defence service',
    'Kaitseväekohustuslaste register (регистр военнообязанных)',
    'Kaitseväekohustuslaste register (реєстр військовозобов’язаних)',
  ),
};

export const LABEL = {
  name: t('Nimi', 'Name', 'Имя', 'Ім’я'),
  personalCode: t('Isikukood', 'Personal code', 'Личный код', 'Особовий код'),
  address: t('Elukoht', 'Place of residence', 'Место жительства', 'Місце проживання'),
  bankAccount: t('Pangakonto (IBAN)', 'Bank account (IBAN)', 'Банковский счёт (IBAN)', 'Банківський рахунок (IBAN)'),
  child: t('Laps', 'Child', 'Ребёнок', 'Дитина'),
  childBirthDate: t('Lapse sünniaeg', 'Child’s date of birth', 'Дата рождения ребёнка', 'Дата народження дитини'),
  childPersonalCode: t('Lapse isikukood', 'Child’s personal code', 'Личный код ребёнка', 'Особовий код дитини'),
  benefitStart: t('Hüvitise algus', 'Benefit starts on', 'Начало выплаты пособия', 'Початок виплати допомоги'),
  pensionStart: t('Pensioni algus', 'Pension starts on', 'Начало пенсии', 'Початок пенсії'),
  deceased: t('Lahkunu', 'The deceased', 'Умерший (умершая)', 'Померла особа'),
  severity: t('Puude raskusaste', 'Degree of disability', 'Степень инвалидности', 'Ступінь інвалідності'),
};
