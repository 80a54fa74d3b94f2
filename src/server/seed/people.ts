import type { Lang } from '../../contract/i18n';

/**
 * Fictional demo people, one per life event the demo shows. Dates are chosen relative to
 * 2026-11-21. Personal codes are valid (checksum and date) but encode a birth day before 1850 (first digit
 * 1 or 2, the day and month of the person's birth date, the year's last two digits modulo 50): no one alive
 * has such a code, so a real sign-in can never reach demo data (README, "Demo people"). Their real birth
 * date is `facts.birthDate`. Written out as literals so they can be grepped; tests use `demoCodes`.
 */

export type Sex = 'male' | 'female';

export interface DemoChild {
  personalCode: string;
  givenName: string;
  birthDate: string;
  disability?: 'moderate' | 'severe' | 'profound';
}

export interface PersonFacts {
  sex: Sex;
  /** YYYY-MM-DD; for demo people not the day their code encodes (see above). */
  birthDate: string;
  /** ISO 3166-1 alpha-2. */
  citizenship: string;
  residence: { country: string; municipality?: string; since?: string };
  maritalStatus: 'single' | 'married' | 'divorced' | 'widowed';
  spousePersonalCode?: string;
  children: DemoChild[];
  /** IBAN the Social Insurance Board pays into (a benefit it already pays). */
  bankAccount?: string;
}

export interface DemoPerson {
  personalCode: string;
  givenName: string;
  familyName: string;
  preferredLanguage: Lang;
  facts: PersonFacts;
  /** One English line for developers: why this person exists. */
  story: string;
  /** Their key in `demoCodes` when the given name is taken (default: the given name in lower case). */
  key?: string;
}

export const demoPeople: DemoPerson[] = [
  {
    personalCode: '24304142717',
    givenName: 'Kadri',
    familyName: 'Tamm',
    preferredLanguage: 'et',
    facts: {
      sex: 'female',
      birthDate: '1993-04-14',
      citizenship: 'EE',
      residence: { country: 'EE', municipality: 'Tallinn', since: '2019-08-01' },
      maritalStatus: 'married',
      spousePersonalCode: '14102275188',
      children: [{ personalCode: '22609190279', givenName: 'Marta', birthDate: '2026-09-19' }],
      // The Social Insurance Board pays her child allowance into this account.
      bankAccount: 'EE382200221020145685',
    },
    story:
      'New mother: daughter Marta born 2026-09-19; having-a-child is in progress (parental benefit offer to accept).',
  },
  {
    personalCode: '14102275188',
    givenName: 'Martin',
    familyName: 'Tamm',
    preferredLanguage: 'et',
    facts: {
      sex: 'male',
      birthDate: '1991-02-27',
      citizenship: 'EE',
      residence: { country: 'EE', municipality: 'Tallinn', since: '2019-08-01' },
      maritalStatus: 'married',
      spousePersonalCode: '24304142717',
      children: [{ personalCode: '22609190279', givenName: 'Marta', birthDate: '2026-09-19' }],
    },
    story: "Kadri's husband and Marta's father: the same birth seen from the other parent (shared parental benefit).",
  },
  {
    personalCode: '11202193427',
    givenName: 'Aivar',
    familyName: 'Mägi',
    preferredLanguage: 'et',
    facts: {
      sex: 'male',
      birthDate: '1962-02-19',
      citizenship: 'EE',
      residence: { country: 'EE', municipality: 'Tartu linn', since: '1998-05-15' },
      maritalStatus: 'married',
      children: [],
    },
    story: 'Reaches pension age 65 on 2027-02-19, about three months away: gets the proactive old-age pension offer.',
  },
  {
    personalCode: '23906036155',
    givenName: 'Oksana',
    familyName: 'Kovalenko',
    preferredLanguage: 'uk',
    facts: {
      sex: 'female',
      birthDate: '1989-06-03',
      citizenship: 'UA',
      residence: { country: 'EE', municipality: 'Pärnu linn', since: '2026-08-10' },
      maritalStatus: 'married',
      children: [{ personalCode: '11703120898', givenName: 'Andrii', birthDate: '2017-03-12' }],
    },
    story:
      'Newcomer from Ukraine under temporary protection since August 2026, with a 9-year-old son: settling-in-estonia in Ukrainian.',
  },
  {
    personalCode: '10805072234',
    givenName: 'Daniil',
    familyName: 'Ivanov',
    preferredLanguage: 'ru',
    facts: {
      sex: 'male',
      birthDate: '2008-05-07',
      citizenship: 'EE',
      residence: { country: 'EE', municipality: 'Narva linn', since: '2008-05-07' },
      maritalStatus: 'single',
      children: [],
    },
    story: '18-year-old Estonian citizen in Narva facing conscript service: defence-service in Russian.',
  },
  {
    personalCode: '23409254568',
    givenName: 'Maret',
    familyName: 'Saar',
    preferredLanguage: 'et',
    facts: {
      sex: 'female',
      birthDate: '1984-09-25',
      citizenship: 'EE',
      residence: { country: 'EE', municipality: 'Viljandi linn', since: '2012-06-01' },
      maritalStatus: 'widowed',
      children: [{ personalCode: '11501301376', givenName: 'Oskar', birthDate: '2015-01-30' }],
    },
    story:
      "Widow: her husband died in October 2026; son Oskar (11) gets the survivor's allowance offer (death-of-close-one).",
  },
  {
    personalCode: '23711087040',
    givenName: 'Liis',
    familyName: 'Rebane',
    preferredLanguage: 'en',
    facts: {
      sex: 'female',
      birthDate: '1987-11-08',
      citizenship: 'EE',
      residence: { country: 'EE', municipality: 'Viimsi vald', since: '2020-03-01' },
      maritalStatus: 'married',
      children: [{ personalCode: '11907110524', givenName: 'Robin', birthDate: '2019-07-11', disability: 'severe' }],
    },
    story:
      'Parent of Robin (7) with a severe disability: child-with-health-impairment; grew up abroad and uses the app in English.',
  },
  {
    personalCode: '13112033897',
    givenName: 'Sergei',
    familyName: 'Volkov',
    preferredLanguage: 'ru',
    facts: {
      sex: 'male',
      birthDate: '1981-12-03',
      citizenship: 'EE',
      residence: { country: 'EE', municipality: 'Maardu linn', since: '2025-09-01' },
      maritalStatus: 'divorced',
      children: [{ personalCode: '21304221644', givenName: 'Jelizaveta', birthDate: '2013-04-22' }],
    },
    story:
      'Recently divorced father of Jelizaveta (13): divorce with family mediation and a change of benefit recipient.',
  },
  {
    personalCode: '24006153181',
    givenName: 'Liis',
    familyName: 'Mägi',
    preferredLanguage: 'et',
    facts: {
      sex: 'female',
      birthDate: '1990-06-15',
      citizenship: 'EE',
      residence: { country: 'EE', municipality: 'Tartu linn', since: '2015-09-01' },
      maritalStatus: 'single',
      children: [],
    },
    story: "Aivar Mägi's daughter: he authorised her to act for him on his pension (view and act, pension only).",
    key: 'liis_magi',
  },
];

/**
 * Children the demo parents act for: people of the population register who do not sign in themselves.
 * Seeded as persons (their own cases and offers), never offered on the sign-in page.
 */
export const demoChildren = [
  { personalCode: '22609190279', givenName: 'Marta', familyName: 'Tamm', birthDate: '2026-09-19' },
  { personalCode: '11703120898', givenName: 'Andrii', familyName: 'Kovalenko', birthDate: '2017-03-12' },
  { personalCode: '21304221644', givenName: 'Jelizaveta', familyName: 'Volkova', birthDate: '2013-04-22' },
] as const;

/** The first year no demo personal code may encode: everyone born before it died before codes existed. */
export const DEMO_CODES_BEFORE_YEAR = 1850;

/** The demo people's personal codes by given name (lower case), for tests and scripts. */
export const demoCodes = Object.fromEntries(
  demoPeople.map((p) => [p.key ?? p.givenName.toLowerCase(), p.personalCode]),
) as Record<string, string>;
