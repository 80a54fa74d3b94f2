import { describe, expect, it } from 'vitest';
import { addToDate } from '../../src/contract/dates';
import { raw, toQuery } from '../../src/server/db/sql';
import {
  ageOn,
  type Concerned,
  evaluateRule,
  formatDateFor,
  type RuleEvent,
  renderFields,
  renderLocalized,
  type Subject,
  TEMPLATE_VARIABLE,
  templateVariables,
} from '../../src/server/rules/evaluate';
import type { PersonFacts } from '../../src/server/rules/facts';
import { parseRules, RULE_INPUTS, RULES } from '../../src/server/rules/index';
import { COHORT_EVENT_TYPES, type RegisterEventType, type Role, type Rule } from '../../src/server/rules/schema';
import { conditionsSql, personSqlVars, varsSql } from '../../src/server/rules/sql';

const rule = (id: string): Rule => {
  const found = RULES.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

const RESIDENT: PersonFacts['residence'] = { country: 'EE', municipality: 'Tallinn', since: '2010-01-01' };
const ABROAD: PersonFacts['residence'] = { country: 'FI', municipality: 'Helsinki' };

function person(role: Role, facts: Partial<PersonFacts> = {}, n = 1): Concerned {
  return {
    personId: `p${n}`,
    role,
    givenName: `Given${n}`,
    familyName: 'Tamm',
    personalCode: `4900101000${n}`,
    facts: {
      sex: 'female',
      birthDate: '1990-01-01',
      citizenship: 'EE',
      residence: RESIDENT,
      maritalStatus: 'married',
      children: [],
      ...facts,
    },
  };
}
const child = (n: number, birthDate: string, extra: Partial<Subject> = {}): Subject => ({
  personalCode: `6260101000${n}`,
  name: `Child${n} Tamm`,
  birthDate,
  ...extra,
});

const MOTHER = person('parent', { sex: 'female' }, 1);
const FATHER = person('parent', { sex: 'male' }, 2);
const MOTHER_ABROAD = person('parent', { sex: 'female', residence: ABROAD }, 1);
const FATHER_ABROAD = person('parent', { sex: 'male', residence: ABROAD }, 2);
const BORN = '2026-03-03';

function event(type: RegisterEventType, concerned: Concerned[], subjects: Subject[] = [], date = BORN): RuleEvent {
  return {
    type,
    date,
    concerned,
    subjects,
    vars: {
      deceasedName: { text: 'Toomas Tamm' },
      deathDate: { date },
      pensionDate: { date: '2027-02-19' },
      residentSince: { date: '2026-08-10' },
      severity: { localized: { et: 'raske', en: 'severe', ru: 'тяжёлая', uk: 'тяжкий' } },
      assessedOn: { date },
    },
  };
}

/** Who gets an offer, as "personId:subjectKey". */
const outcome = (r: Rule, e: RuleEvent) => evaluateRule(r, e).map((d) => `${d.person.personId}:${d.subjectKey}`);

const birth = (parents: Concerned[], children: Subject[] = [child(1, BORN)]) =>
  event('population.birth_registered', parents, children);

describe('the rules as data', () => {
  it('parse, one per proactive sub-service', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([
      'child-allowance',
      'child-birth-allowance',
      'child-disability-allowance',
      'child-parental-benefit',
      'death-survivor-allowance-child',
      'defence-call-up',
      'pension-living-alone-allowance',
      'pension-old-age-offer',
      'settling-adaptation-programme',
    ]);
  });

  it.each([
    ['an unknown trigger', { triggers: ['population.moved_to_mars'] }],
    ['an id that is not the sub-service', { id: 'something-else' }],
    ['a deadline of 0 days', { deadlineDays: 0 }],
    ['an age condition without bounds', { conditions: [{ kind: 'age', of: 'person' }] }],
    ['a legal basis without Ukrainian', { legalBasis: { et: 'a', en: 'b', ru: 'c', uk: '' } }],
    ['a cohort rule about a subject', { per: 'subject' }],
  ])('refuse %s at start', (_, change) => {
    const base = RULE_INPUTS.find((r) => r.id === 'pension-old-age-offer')!;
    expect(() => parseRules([{ ...base, ...change }])).toThrow(/rule /);
  });

  it('use only variables their events provide', () => {
    const known: Record<RegisterEventType, string[]> = {
      'population.birth_registered': [],
      'population.marriage_registered': [],
      'population.death_registered': ['deceasedName', 'deathDate'],
      'population.residence_registered': ['residentSince'],
      'pension.age_approaching': ['pensionDate'],
      'defence.call_up_age_reached': [],
      'health.disability_assessed': ['severity', 'assessedOn'],
    };
    const common = ['eventDate', 'personName', 'personalCode', 'birthDate', 'address', 'bankAccount'];
    const child = ['childName', 'childBirthDate', 'childPersonalCode'];
    for (const r of RULES) {
      const texts = [...Object.values(r.dataBasis), ...r.fields.map((f) => f.value)];
      const used = texts.flatMap((text) => [...text.matchAll(TEMPLATE_VARIABLE)].map((m) => m[1]));
      for (const type of r.triggers) {
        const allowed = [...common, ...known[type], ...(COHORT_EVENT_TYPES.includes(type) ? [] : child)];
        for (const name of used) expect(allowed, `${r.id}: {{${name}}}`).toContain(name);
      }
    }
  });

  it('compile to SQL when a cohort event triggers them', () => {
    for (const r of RULES.filter((x) => x.triggers.some((t) => COHORT_EVENT_TYPES.includes(t)))) {
      const today = { date: raw('now()::date') };
      const vars = { ...personSqlVars('t'), eventDate: today, pensionDate: today };
      const [, values] = toQuery(conditionsSql(r, 'p', today.date));
      // Values go in as parameters, never into the text (what the SQL means: tests/server/rules-property.test.ts).
      for (const c of r.conditions) if (c.kind === 'fact') expect(values).toContainEqual(c.values);
      const [text, names] = toQuery(varsSql(r, vars));
      // Every variable the texts use, by name as a parameter.
      for (const name of templateVariables(r)) expect(names).toContain(name);
      expect(text).toMatch(/^jsonb_build_object\(/);
    }
  });
});

describe('ages and dates', () => {
  it.each([
    ['1990-01-01', '2008-01-01', 18],
    ['1990-01-02', '2008-01-01', 17],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2026-03-03', '2026-03-03', 0],
  ])('someone born %s is %s years old on %s', (born, on, age) => {
    expect(ageOn(born, on)).toBe(age);
  });

  it.each([
    ['1962-02-19', 65, 0, '2027-02-19'],
    ['1960-02-29', 65, 0, '2025-02-28'],
    ['1961-05-31', 64, 9, '2026-02-28'],
  ])('%s plus %s years %s months is %s', (from, years, months, to) => {
    expect(addToDate(from, years, months)).toBe(to);
  });

  it('writes dates for running text per language, and DD.MM.YYYY in fields', () => {
    expect(formatDateFor('en', '2026-03-03')).toBe('3 March 2026');
    expect(formatDateFor('et', '2026-03-03')).toBe('03.03.2026');
    expect(formatDateFor('field', '2026-03-03')).toBe('03.03.2026');
  });
});

describe('child-birth-allowance and child-allowance (one parent per child, the mother first)', () => {
  const cases: [string, Concerned[], Subject[], string[]][] = [
    ['both parents in Estonia', [MOTHER, FATHER], [child(1, BORN)], ['p1:62601010001']],
    ['the mother lives abroad', [MOTHER_ABROAD, FATHER], [child(1, BORN)], ['p2:62601010001']],
    ['both parents live abroad', [MOTHER_ABROAD, FATHER_ABROAD], [child(1, BORN)], []],
    ['a single parent', [FATHER], [child(1, BORN)], ['p2:62601010001']],
    ['twins', [MOTHER, FATHER], [child(1, BORN), child(2, BORN)], ['p1:62601010001', 'p1:62601010002']],
  ];
  it.each(cases)('childbirth allowance: %s', (_, parents, children, expected) => {
    expect(outcome(rule('child-birth-allowance'), birth(parents, children))).toEqual(expected);
  });
  it.each(cases)('child allowance: %s', (_, parents, children, expected) => {
    expect(outcome(rule('child-allowance'), birth(parents, children))).toEqual(expected);
  });

  it.each([
    ['15 years and 364 days', '2010-03-04', 1],
    ['exactly 16', '2010-03-03', 0],
  ])('child allowance for a child of %s', (_, birthDate, offers) => {
    expect(outcome(rule('child-allowance'), birth([MOTHER], [child(1, birthDate)]))).toHaveLength(offers);
  });

  it('is automatic, with the child and its birth date in the data basis and fields', () => {
    const [d] = evaluateRule(rule('child-birth-allowance'), birth([MOTHER]));
    expect(d.rule.kind).toBe('automatic');
    expect(renderLocalized(d.rule.dataBasis, d.vars).en).toContain('Child1 Tamm was born on 3 March 2026');
    expect(renderFields(d.rule, d.vars).find((f) => f.key === 'childBirthDate')).toMatchObject({
      type: 'date',
      value: '2026-03-03',
      editable: false,
    });
  });
});

describe('child-parental-benefit (each parent in Estonia, one offer per birth)', () => {
  it.each([
    ['both parents in Estonia', [MOTHER, FATHER], [child(1, BORN)], ['p1:62601010001', 'p2:62601010001']],
    ['the father lives abroad', [MOTHER, FATHER_ABROAD], [child(1, BORN)], ['p1:62601010001']],
    ['both live abroad', [MOTHER_ABROAD, FATHER_ABROAD], [child(1, BORN)], []],
    [
      'twins: one offer each, about both children',
      [MOTHER, FATHER],
      [child(1, BORN), child(2, BORN)],
      ['p1:62601010001+62601010002', 'p2:62601010001+62601010002'],
    ],
  ] as [string, Concerned[], Subject[], string[]][])('%s', (_, parents, children, expected) => {
    expect(outcome(rule('child-parental-benefit'), birth(parents, children))).toEqual(expected);
  });

  it('is a consent offer; start date and bank account editable, name not', () => {
    const [d] = evaluateRule(rule('child-parental-benefit'), birth([MOTHER]));
    expect(d.rule.kind).toBe('consent');
    const fields = Object.fromEntries(renderFields(d.rule, d.vars).map((f) => [f.key, f]));
    expect(fields.name).toMatchObject({ value: 'Given1 Tamm', editable: false });
    expect(fields.startDate.editable).toBe(true);
    expect(fields.bankAccount.editable).toBe(true);
  });

  it('is not triggered by other events', () => {
    expect(outcome(rule('child-parental-benefit'), event('population.marriage_registered', [MOTHER]))).toEqual([]);
  });
});

describe('death-survivor-allowance-child (to the surviving spouse, per child under 18)', () => {
  const SPOUSE = person('spouse', { maritalStatus: 'widowed' }, 1);
  const ADULT_CHILD = person('child', { birthDate: '2000-01-01' }, 3);
  const DIED = '2026-10-28';
  it.each([
    ['a child of 11', [child(1, '2015-01-30')], ['p1:62601010001']],
    ['a child a day before 18', [child(1, '2008-10-29')], ['p1:62601010001']],
    ['a child of exactly 18', [child(1, '2008-10-28')], []],
    ['two children, one adult', [child(1, '2015-01-30'), child(2, '2000-01-01')], ['p1:62601010001']],
    ['twins', [child(1, '2015-01-30'), child(2, '2015-01-30')], ['p1:62601010001', 'p1:62601010002']],
  ] as [string, Subject[], string[]][])('%s', (_, children, expected) => {
    expect(
      outcome(
        rule('death-survivor-allowance-child'),
        event('population.death_registered', [SPOUSE, ADULT_CHILD], children, DIED),
      ),
    ).toEqual(expected);
  });

  it('names the deceased and the date of death gently, after a word of sympathy', () => {
    const [d] = evaluateRule(
      rule('death-survivor-allowance-child'),
      event('population.death_registered', [SPOUSE], [child(1, '2015-01-30')], DIED),
    );
    const text = renderLocalized(d.rule.dataBasis, d.vars);
    expect(text.et).toContain('lahkus Toomas Tamm 28.10.2026');
    expect(text.et).toMatch(/^Tunneme sulle kaasa\./);
    expect(text.en).toMatch(/^We are sorry for your loss\./);
  });
});

describe('pension-old-age-offer and pension-living-alone-allowance', () => {
  const approaching = (facts: Partial<PersonFacts>) =>
    event('pension.age_approaching', [person('person', { birthDate: '1962-02-19', ...facts })], [], '2026-11-21');
  it.each([
    ['married, in Estonia', {}, true, false],
    ['single, in Estonia', { maritalStatus: 'single' }, true, true],
    ['widowed, in Estonia', { maritalStatus: 'widowed' }, true, true],
    ['divorced, living abroad', { maritalStatus: 'divorced', residence: ABROAD }, false, false],
    ['with no residence known', { residence: undefined }, false, false],
  ] as [string, Partial<PersonFacts>, boolean, boolean][])('%s', (_, facts, pension, alone) => {
    expect(outcome(rule('pension-old-age-offer'), approaching(facts))).toHaveLength(pension ? 1 : 0);
    expect(outcome(rule('pension-living-alone-allowance'), approaching(facts))).toHaveLength(alone ? 1 : 0);
  });

  it('offers nothing to someone who has died', () => {
    expect(outcome(rule('pension-old-age-offer'), approaching({ diedOn: '2026-10-01' }))).toEqual([]);
  });

  it('tells the pension date', () => {
    const [d] = evaluateRule(rule('pension-old-age-offer'), approaching({}));
    expect(renderLocalized(d.rule.dataBasis, d.vars).en).toContain('on 19 February 2027');
    expect(renderFields(d.rule, d.vars).find((f) => f.key === 'startDate')?.value).toBe('2027-02-19');
  });
});

describe('defence-call-up (Estonian male citizens of 18–27; a duty, not declinable)', () => {
  const callUp = (facts: Partial<PersonFacts>) =>
    outcome(rule('defence-call-up'), event('defence.call_up_age_reached', [person('person', facts)], [], '2026-11-21'));
  it.each([
    ['a man of 18', { sex: 'male', birthDate: '2008-05-07' }, 1],
    ['a man the day before 18', { sex: 'male', birthDate: '2008-11-22' }, 0],
    ['a man of 27', { sex: 'male', birthDate: '1999-11-22' }, 1],
    ['a man of exactly 28', { sex: 'male', birthDate: '1998-11-21' }, 0],
    ['a woman of 18', { sex: 'female', birthDate: '2008-05-07' }, 0],
    ['a foreign man of 18', { sex: 'male', birthDate: '2008-05-07', citizenship: 'UA' }, 0],
    ['an Estonian man of 18 living abroad', { sex: 'male', birthDate: '2008-05-07', residence: ABROAD }, 1],
  ] as [string, Partial<PersonFacts>, number][])('%s', (_, facts, n) => {
    expect(callUp(facts)).toHaveLength(n);
  });

  it('is a duty, headed as what it is, with the routes the law gives and no consequences of a decline', () => {
    const duty = rule('defence-call-up');
    expect(duty.kind).toBe('duty');
    expect(duty.heading?.en).toBe('You are called up to conscript service');
    expect(duty.consequences).toBeUndefined();
    expect(duty.links.map((l) => l.label.en)).toEqual(['Apply for a deferral', 'Apply for alternative service']);
  });
});

describe('typed fields and what a decline means', () => {
  it('every offer says what a decline and a missed deadline mean, in four languages', () => {
    for (const r of RULES.filter((r) => r.kind !== 'duty')) {
      expect(r.consequences, r.id).toBeDefined();
    }
  });

  it('a duty with consequences of a decline, or an offer without them, stops the start', () => {
    const callUp = RULE_INPUTS.find((r) => r.id === 'defence-call-up')!;
    const pension = RULE_INPUTS.find((r) => r.id === 'pension-old-age-offer')!;
    expect(() => parseRules([{ ...callUp, consequences: pension.consequences }])).toThrow(/defence-call-up: kind/);
    expect(() => parseRules([{ ...pension, consequences: undefined }])).toThrow(/pension-old-age-offer: consequences/);
  });

  it('a bank account is an IBAN; the parental benefit starts on a date between the birth and the third birthday', () => {
    const [d] = evaluateRule(rule('child-parental-benefit'), birth([MOTHER]));
    const fields = renderFields(d.rule, d.vars);
    expect(fields.find((f) => f.key === 'bankAccount')?.type).toBe('iban');
    expect(fields.find((f) => f.key === 'startDate')).toMatchObject({
      type: 'date',
      value: '2026-03-03',
      min: '2026-03-03',
      max: '2029-03-02',
    });
  });

  it('a field no register has a value for names no source', () => {
    const [d] = evaluateRule(rule('child-parental-benefit'), birth([MOTHER]));
    const fields = renderFields(d.rule, d.vars);
    const account = fields.find((f) => f.key === 'bankAccount')!;
    expect(account.value).toBe('');
    expect(account.source).toBeNull();
    expect(fields.find((f) => f.key === 'child')?.source?.en).toBe('Population register');
  });
});

describe('child-disability-allowance (one parent, child under 16 with a disability)', () => {
  const assessed = (parents: Concerned[], subject: Subject) =>
    outcome(rule('child-disability-allowance'), event('health.disability_assessed', parents, [subject], '2026-06-01'));
  it.each([
    [
      'a severe disability, age 7',
      [MOTHER, FATHER],
      child(1, '2019-07-11', { disability: 'severe' }),
      ['p1:62601010001'],
    ],
    [
      'a moderate disability, the mother abroad',
      [MOTHER_ABROAD, FATHER],
      child(1, '2019-07-11', { disability: 'moderate' }),
      ['p2:62601010001'],
    ],
    ['no disability found', [MOTHER], child(1, '2019-07-11'), []],
    ['a child of 16', [MOTHER], child(1, '2010-06-01', { disability: 'profound' }), []],
    ['a child a day before 16', [MOTHER], child(1, '2010-06-02', { disability: 'profound' }), ['p1:62601010001']],
  ] as [string, Concerned[], Subject, string[]][])('%s', (_, parents, subject, expected) => {
    expect(assessed(parents, subject)).toEqual(expected);
  });
});

describe('settling-adaptation-programme (foreigners resident under 5 years)', () => {
  const newcomer = (facts: Partial<PersonFacts>) =>
    outcome(
      rule('settling-adaptation-programme'),
      event('population.residence_registered', [person('person', facts)], [], '2026-11-21'),
    );
  it.each([
    [
      'arrived in August 2026 from Ukraine',
      { citizenship: 'UA', residence: { country: 'EE', since: '2026-08-10' } },
      1,
    ],
    ['here 4 years and 364 days', { citizenship: 'UA', residence: { country: 'EE', since: '2021-11-22' } }, 1],
    ['here exactly 5 years', { citizenship: 'UA', residence: { country: 'EE', since: '2021-11-21' } }, 0],
    ['an Estonian returning home', { citizenship: 'EE', residence: { country: 'EE', since: '2026-08-10' } }, 0],
    ['a foreigner living abroad', { citizenship: 'UA', residence: { country: 'FI', since: '2026-08-10' } }, 0],
  ] as [string, Partial<PersonFacts>, number][])('%s', (_, facts, n) => {
    expect(newcomer(facts)).toHaveLength(n);
  });
});

describe('a place of residence (a register value) in running text and in fields', () => {
  const settling = rule('settling-adaptation-programme');
  const render = (residence: { country: string; municipality?: string }) => {
    const [decision] = evaluateRule(
      settling,
      event(
        'population.residence_registered',
        [person('person', { citizenship: 'UA', residence: { since: '2026-08-10', ...residence } })],
        [],
        '2026-11-21',
      ),
    );
    const text = renderLocalized(settling.dataBasis, decision.vars);
    const field = renderFields(settling, decision.vars).find((f) => f.key === 'address')?.value;
    return { et: text.et, en: text.en, ru: text.ru, uk: text.uk, field };
  };
  it('a town gets its exonym and its kind in the screen’s language; the field keeps the official name', () => {
    const pärnu = render({ country: 'EE', municipality: 'Pärnu linn' });
    expect(pärnu.et).toContain('(Pärnu linn)');
    expect(pärnu.en).toContain('(Pärnu city)');
    expect(pärnu.ru).toContain('(город Пярну)');
    expect(pärnu.uk).toContain('(місто Пярну)');
    expect(pärnu.field).toBe('Pärnu linn');
    expect(render({ country: 'EE', municipality: 'Tallinn' }).ru).toContain('(Таллинн)');
  });
  it('a parish keeps its Estonian proper name; an unknown value is shown as the register has it', () => {
    const viimsi = render({ country: 'EE', municipality: 'Viimsi vald' });
    expect([viimsi.en, viimsi.ru, viimsi.uk, viimsi.field]).toEqual([
      expect.stringContaining('(Viimsi parish)'),
      expect.stringContaining('(волость Viimsi)'),
      expect.stringContaining('(волость Viimsi)'),
      'Viimsi vald',
    ]);
    expect(render({ country: 'EE', municipality: 'Vana-Vigala' }).ru).toContain('(Vana-Vigala)');
    const country = render({ country: 'EE' });
    expect([country.ru, country.field]).toEqual([expect.stringContaining('(Эстония)'), 'Eesti']);
  });
});

describe('legal basis links', () => {
  it('lead to Riigi Teataja, to the section the text names where it names one', () => {
    const linked = RULES.filter((r) => r.legalBasisUrl);
    expect(linked.length).toBeGreaterThanOrEqual(RULES.length - 1);
    for (const r of linked) {
      const url = new URL(r.legalBasisUrl!);
      expect(url.origin, r.id).toBe('https://www.riigiteataja.ee');
      expect(url.search, r.id).toBe('?leiaKehtiv');
      // "§ 22" is #para22 and "§ 223¹" is #para223b1, as Riigi Teataja names its sections.
      const section = /§ (\d+)(¹|²)?/.exec(r.legalBasis.et);
      const anchor = section ? `#para${section[1]}${section[2] ? `b${section[2] === '¹' ? 1 : 2}` : ''}` : '';
      expect(url.hash, r.id).toBe(anchor);
    }
  });
});
