import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegisterEventResult } from '../../src/contract/agency-events';
import { makePersonalCode } from '../../src/contract/isikukood';
import { OfferRow } from '../../src/contract/offers';
import { NotificationRow } from '../../src/contract/person';
import { createAgencyKey } from '../../src/server/agency/keys';
import { openCase } from '../../src/server/cases/store';
import type { Database } from '../../src/server/db/database';
import { sql } from '../../src/server/db/sql';
import { markNotificationRead } from '../../src/server/notifications/store';
import { applyCohort } from '../../src/server/offers/cohort';
import { loadOfferRow } from '../../src/server/offers/rows';
import { evaluateRule } from '../../src/server/rules/evaluate';
import { readFacts } from '../../src/server/rules/facts';
import { rulesFor } from '../../src/server/rules/index';
import { pullChanges } from '../../src/server/sync/pull';
import { postAgencyEvent, testApp } from './app';
import { openTestDatabase } from './db';

let db: Database;
let app: ReturnType<typeof testApp>;
let population: string;
let ska: string;
let skaWithPopulationScope: string;
let defence: string;
let seq = 0;

const POPULATION_EVENTS = [
  'population.birth_registered',
  'population.marriage_registered',
  'population.death_registered',
  'population.residence_registered',
];

beforeAll(async () => {
  db = await openTestDatabase();
  app = testApp(db);
  population = (await createAgencyKey(db, 'siseministeerium', { scopes: POPULATION_EVENTS })).key;
  ska = (await createAgencyKey(db, 'ska', { scopes: ['pension.age_approaching', 'health.disability_assessed'] })).key;
  skaWithPopulationScope = (await createAgencyKey(db, 'ska', { scopes: ['population.birth_registered'] })).key;
  defence = (await createAgencyKey(db, 'kaitseressursside-amet', { scopes: ['defence.call_up_age_reached'] })).key;
});
afterAll(() => db.close());

const post = (key: string, body: unknown) => postAgencyEvent(app, key, body);

const nextId = (prefix: string) => `${prefix}-${++seq}`;

/** A person who uses the service, with the facts given. */
async function addPerson(
  birthDate: string,
  sex: 'male' | 'female',
  facts: Record<string, unknown> = {},
  name = ['Test', 'Person'],
) {
  const code = makePersonalCode(birthDate, sex, 100 + (++seq % 800));
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO persons (personal_code, given_name, family_name, facts) VALUES ($1, $2, $3, $4) RETURNING id`,
    [
      code,
      name[0],
      name[1],
      {
        sex,
        birthDate,
        citizenship: 'EE',
        residence: { country: 'EE', municipality: 'Tartu linn', since: '2000-01-01' },
        maritalStatus: 'married',
        children: [],
        ...facts,
      },
    ],
  );
  return { id: rows[0].id, code };
}

async function offersOf(personId: string) {
  const { rows } = await db.query<{ sub_service_id: string; subject_key: string; status: string }>(
    'SELECT sub_service_id, subject_key, status FROM offers WHERE person_id = $1 ORDER BY sub_service_id, subject_key',
    [personId],
  );
  return rows;
}

async function counts() {
  const { rows } = await db.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM offers) AS offers, (SELECT count(*) FROM cases) AS cases,
            (SELECT count(*) FROM steps) AS steps, (SELECT count(*) FROM notifications) AS notifications,
            (SELECT count(*) FROM person_changes) AS changes, (SELECT count(*) FROM agency_events) AS events,
            (SELECT count(*) FROM persons) AS persons, (SELECT md5(string_agg(facts::text, ',' ORDER BY id)) FROM persons) AS facts`,
  );
  return rows[0];
}

function birthEvent(mother: string, father: string, children: { code: string; name: string }[], id = nextId('birth')) {
  return {
    id,
    type: 'population.birth_registered',
    occurredAt: new Date().toISOString(),
    children: children.map((c) => ({
      personalCode: c.code,
      givenName: c.name,
      familyName: 'Kask',
      birthDate: '2026-11-01',
    })),
    parents: [
      { personalCode: mother, role: 'mother' },
      { personalCode: father, role: 'father' },
    ],
  };
}

describe('population.birth_registered', () => {
  it('makes offers for both parents, opens their cases and tells them, in one go', async () => {
    const mother = await addPerson('1994-05-05', 'female');
    const father = await addPerson('1992-06-06', 'male');
    const baby = makePersonalCode('2026-11-01', 'female', 11);
    const res = await post(population, birthEvent(mother.code, father.code, [{ code: baby, name: 'Mari' }]));
    expect(res.status).toBe(200);
    expect(RegisterEventResult.parse(res.body.result)).toEqual({ people: 2, casesOpened: 2, offers: 4 });
    expect(await offersOf(mother.id)).toEqual([
      { sub_service_id: 'child-allowance', subject_key: baby, status: 'pending' },
      { sub_service_id: 'child-birth-allowance', subject_key: baby, status: 'pending' },
      { sub_service_id: 'child-parental-benefit', subject_key: baby, status: 'pending' },
    ]);
    expect(await offersOf(father.id)).toEqual([
      { sub_service_id: 'child-parental-benefit', subject_key: baby, status: 'pending' },
    ]);
    // The case: birth registration done, parental benefit waiting for the parent until the deadline.
    const { rows: steps } = await db.query<{ sub_service_id: string; status: string; due_date: string | null }>(
      `SELECT s.sub_service_id, s.status, to_char(s.due_date, 'YYYY-MM-DD') AS due_date FROM steps s
       JOIN cases c ON c.id = s.case_id WHERE c.person_id = $1 AND c.subject_name = 'Mari Kask'`,
      [father.id],
    );
    const bySub = Object.fromEntries(steps.map((s) => [s.sub_service_id, s]));
    expect(bySub['child-birth-registration'].status).toBe('completed');
    expect(bySub['child-parental-benefit'].status).toBe('action_needed');
    // The step's history says why, in every language, from locales/<lang>/rules.json.
    const { rows: history } = await db.query<{ reason: unknown }>(
      `SELECT h.reason FROM step_history h JOIN steps s ON s.id = h.step_id JOIN cases c ON c.id = s.case_id
       WHERE c.person_id = $1 AND s.sub_service_id = 'child-birth-registration' AND h.to_status = 'completed'`,
      [father.id],
    );
    expect(history.map((h) => h.reason)).toEqual([
      {
        et: 'Sünd on rahvastikuregistrisse kantud.',
        en: 'The birth has been entered in the population register.',
        ru: 'Рождение внесено в регистр народонаселения.',
        uk: 'Народження внесено до реєстру населення.',
      },
    ]);
    expect(bySub['child-parental-benefit'].due_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Facts: the child is known to both parents now.
    const { rows: facts } = await db.query<{ facts: unknown }>('SELECT facts FROM persons WHERE id = $1', [mother.id]);
    expect(readFacts(facts[0].facts).children?.map((c) => c.personalCode)).toEqual([baby]);
    // The client rows: each offer is in the person's change log, with its notification.
    const { rows: changes } = await db.query<{ entity: string; data: unknown }>(
      `SELECT entity, data FROM person_changes WHERE person_id = $1 AND entity IN ('offer', 'notification')`,
      [father.id],
    );
    const offer = OfferRow.parse(changes.find((c) => c.entity === 'offer')!.data);
    expect(offer).toMatchObject({ subServiceId: 'child-parental-benefit', kind: 'consent', status: 'pending' });
    expect(offer.dataBasis.en).toContain('Mari Kask was born on 1 November 2026');
    expect(changes.find((c) => c.entity === 'notification')!.data).toMatchObject({
      topic: 'offer',
      link: `/offers/${offer.id}`,
    });
  });

  it('the same event twice: one offer each, and the same answer', async () => {
    const mother = await addPerson('1995-05-05', 'female');
    const father = await addPerson('1993-06-06', 'male');
    const sent = birthEvent(mother.code, father.code, [
      { code: makePersonalCode('2026-11-01', 'male', 12), name: 'Jüri' },
    ]);
    const first = await post(population, sent);
    const before = await counts();
    const again = await post(population, sent);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect(await counts()).toEqual(before);
    // The same birth under another event id (a resend) does not make second offers either.
    const resent = await post(population, { ...sent, id: nextId('birth') });
    expect(RegisterEventResult.parse(resent.body.result).offers).toBe(0);
    expect(await offersOf(father.id)).toHaveLength(1);
  });

  it('twins: an allowance per child, one parental benefit each; a father abroad gets none', async () => {
    const mother = await addPerson('1990-01-10', 'female');
    const father = await addPerson('1989-02-11', 'male', { residence: { country: 'FI', municipality: 'Espoo' } });
    const a = makePersonalCode('2026-11-01', 'female', 21);
    const b = makePersonalCode('2026-11-01', 'female', 22);
    const res = await post(
      population,
      birthEvent(mother.code, father.code, [
        { code: a, name: 'Anna' },
        { code: b, name: 'Bianka' },
      ]),
    );
    expect(res.status).toBe(200);
    expect((await offersOf(mother.id)).map((o) => `${o.sub_service_id}:${o.subject_key}`)).toEqual([
      `child-allowance:${a}`,
      `child-allowance:${b}`,
      `child-birth-allowance:${a}`,
      `child-birth-allowance:${b}`,
      `child-parental-benefit:${a}+${b}`,
    ]);
    expect(await offersOf(father.id)).toEqual([]);
    const { rows: cases } = await db.query('SELECT subject_name FROM cases WHERE person_id = $1', [mother.id]);
    expect(cases).toEqual([{ subject_name: 'Anna Kask, Bianka Kask' }]);
  });

  it.each([
    [
      'a parent with an invalid personal code',
      (e: ReturnType<typeof birthEvent>) => ({
        ...e,
        parents: [{ personalCode: '49304142711', role: 'mother' }],
      }),
    ],
    ['no children', (e: ReturnType<typeof birthEvent>) => ({ ...e, children: [] })],
    ['the same parent twice', (e: ReturnType<typeof birthEvent>) => ({ ...e, parents: [e.parents[0], e.parents[0]] })],
    ['an unknown field', (e: ReturnType<typeof birthEvent>) => ({ ...e, hospital: 'TÜ Kliinikum' })],
    [
      'a birth date that is no date',
      (e: ReturnType<typeof birthEvent>) => ({
        ...e,
        children: [{ ...e.children[0], birthDate: '2026-02-30' }],
      }),
    ],
  ])('refuses %s with 400 and writes nothing', async (_, change) => {
    const mother = await addPerson('1991-03-03', 'female');
    const father = await addPerson('1991-04-04', 'male');
    const before = await counts();
    const res = await post(
      population,
      change(
        birthEvent(mother.code, father.code, [{ code: makePersonalCode('2026-11-01', 'male', 31), name: 'Mart' }]),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid_event');
    expect(await counts()).toEqual(before);
  });

  it('refuses a birth from an agency that does not keep the population register (403), writing nothing', async () => {
    const mother = await addPerson('1992-03-03', 'female');
    const father = await addPerson('1992-04-04', 'male');
    const before = await counts();
    const res = await post(
      skaWithPopulationScope,
      birthEvent(mother.code, father.code, [{ code: makePersonalCode('2026-11-01', 'male', 41), name: 'Mats' }]),
    );
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('out_of_scope');
    expect(await counts()).toEqual(before);
  });

  it('refuses an event type the key is not for (403)', async () => {
    const res = await post(
      ska,
      birthEvent(makePersonalCode('1990-01-01', 'female', 1), makePersonalCode('1990-01-01', 'male', 2), [
        { code: makePersonalCode('2026-11-01', 'male', 42), name: 'Mats' },
      ]),
    );
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('event_type_not_allowed');
  });
});

describe('population.death_registered', () => {
  it('offers the surviving spouse an allowance per child under 18, opens the case for an adult child who uses the service', async () => {
    const spouse = await addPerson('1980-01-01', 'female');
    const adult = await addPerson('2000-02-02', 'male');
    const minor = makePersonalCode('2015-03-03', 'male', 51);
    const res = await post(population, {
      id: nextId('death'),
      type: 'population.death_registered',
      occurredAt: new Date().toISOString(),
      deceased: {
        personalCode: makePersonalCode('1978-05-05', 'male', 52),
        givenName: 'Peeter',
        familyName: 'Kask',
        diedOn: '2026-11-10',
      },
      spousePersonalCode: spouse.code,
      children: [
        { personalCode: minor, givenName: 'Kalle', familyName: 'Kask', birthDate: '2015-03-03' },
        { personalCode: adult.code, givenName: 'Test', familyName: 'Person', birthDate: '2000-02-02' },
      ],
    });
    expect(res.status).toBe(200);
    expect(RegisterEventResult.parse(res.body.result)).toEqual({ people: 2, casesOpened: 2, offers: 1 });
    expect(await offersOf(spouse.id)).toEqual([
      { sub_service_id: 'death-survivor-allowance-child', subject_key: minor, status: 'pending' },
    ]);
    expect(await offersOf(adult.id)).toEqual([]);
    const { rows } = await db.query<{ facts: unknown }>('SELECT facts FROM persons WHERE id = $1', [spouse.id]);
    expect(readFacts(rows[0].facts).maritalStatus).toBe('widowed');
  });
});

describe('population.marriage_registered and population.residence_registered', () => {
  it('a marriage updates both spouses and opens their marriage cases', async () => {
    const a = await addPerson('1990-07-07', 'female', { maritalStatus: 'single' });
    const b = await addPerson('1990-08-08', 'male', { maritalStatus: 'single' });
    const res = await post(population, {
      id: nextId('marriage'),
      type: 'population.marriage_registered',
      occurredAt: new Date().toISOString(),
      spouses: [a.code, b.code],
      marriedOn: '2026-11-14',
    });
    expect(res.status).toBe(200);
    expect(RegisterEventResult.parse(res.body.result)).toMatchObject({ people: 2, casesOpened: 2 });
    const { rows } = await db.query<{ facts: unknown }>('SELECT facts FROM persons WHERE id = $1', [a.id]);
    expect(readFacts(rows[0].facts)).toMatchObject({ maritalStatus: 'married', spousePersonalCode: b.code });
  });

  it('a newcomer becomes a person of the service with the adaptation programme offered', async () => {
    const code = makePersonalCode('1988-09-09', 'female', 61);
    const res = await post(population, {
      id: nextId('residence'),
      type: 'population.residence_registered',
      occurredAt: new Date().toISOString(),
      personalCode: code,
      givenName: 'Olena',
      familyName: 'Shevchenko',
      citizenship: 'UA',
      municipality: 'Tartu linn',
      since: '2026-11-01',
      preferredLanguage: 'uk',
    });
    expect(res.status).toBe(200);
    expect(RegisterEventResult.parse(res.body.result)).toEqual({ people: 1, casesOpened: 1, offers: 1 });
    const { rows } = await db.query<{ id: string }>('SELECT id FROM persons WHERE personal_code = $1', [code]);
    expect(await offersOf(rows[0].id)).toEqual([
      { sub_service_id: 'settling-adaptation-programme', subject_key: '', status: 'pending' },
    ]);
  });
});

describe('health.disability_assessed', () => {
  it('offers the disabled child allowance to the first parent', async () => {
    const mother = await addPerson('1985-01-01', 'female');
    const father = await addPerson('1985-02-02', 'male');
    const kid = makePersonalCode('2018-04-04', 'male', 71);
    const res = await post(ska, {
      id: nextId('disability'),
      type: 'health.disability_assessed',
      occurredAt: new Date().toISOString(),
      child: { personalCode: kid, givenName: 'Rasmus', familyName: 'Kask', birthDate: '2018-04-04' },
      severity: 'severe',
      assessedOn: '2026-11-15',
      parents: [mother.code, father.code],
    });
    expect(res.status).toBe(200);
    expect(await offersOf(mother.id)).toEqual([
      { sub_service_id: 'child-disability-allowance', subject_key: kid, status: 'pending' },
    ]);
    expect(await offersOf(father.id)).toEqual([]);
  });
});

describe('cohorts: pension.age_approaching and defence.call_up_age_reached', () => {
  it('one person: the pension offer', async () => {
    const p = await addPerson('1961-12-01', 'male', { maritalStatus: 'widowed' });
    const res = await post(ska, {
      id: nextId('pension'),
      type: 'pension.age_approaching',
      occurredAt: new Date().toISOString(),
      personalCode: p.code,
      pensionAge: { years: 65, months: 0 },
    });
    expect(res.status).toBe(200);
    expect((await offersOf(p.id)).map((o) => o.sub_service_id)).toEqual([
      'pension-living-alone-allowance',
      'pension-old-age-offer',
    ]);
    // The event announces retirement rather than records it: the case opens when an offer is taken up.
    expect(RegisterEventResult.parse(res.body.result)).toMatchObject({ casesOpened: 0, offers: 2 });
    expect((await db.query('SELECT 1 FROM cases WHERE person_id = $1', [p.id])).rows).toEqual([]);
  });

  it('a cohort is evaluated set-based and agrees with the rules evaluated one by one', async () => {
    const people = [
      await addPerson('1961-03-01', 'male', {}, ['Ants', 'Aas']),
      await addPerson('1961-03-15', 'female', { maritalStatus: 'divorced' }, ['Berta', 'Birk']),
      await addPerson('1961-03-31', 'female', { residence: { country: 'FI', municipality: 'Espoo' } }, [
        'Cärol',
        'Cee',
      ]),
      await addPerson('1961-03-20', 'male', { maritalStatus: 'single', bankAccount: 'EE382200221020145685' }, [
        'Dan',
        'Dee',
      ]),
    ];
    const outside = await addPerson('1961-04-01', 'male');
    const died = await addPerson('1961-03-10', 'male', { diedOn: '2026-09-01' });
    const { rows: facts } = await db.query<{
      id: string;
      personal_code: string;
      given_name: string;
      family_name: string;
      facts: unknown;
    }>('SELECT id, personal_code, given_name, family_name, facts FROM persons WHERE id = ANY($1::uuid[]) ORDER BY id', [
      people.map((p) => p.id),
    ]);
    const res = await post(ska, {
      id: nextId('pension-cohort'),
      type: 'pension.age_approaching',
      occurredAt: new Date().toISOString(),
      cohort: { bornFrom: '1961-03-01', bornTo: '1961-03-31' },
      pensionAge: { years: 65, months: 0 },
    });
    expect(res.status).toBe(200);
    // A cohort opens no cases: the offers wait alone until taken up (see cohort.ts).
    expect(RegisterEventResult.parse(res.body.result)).toEqual({ people: 3, casesOpened: 0, offers: 5 });
    expect(await offersOf(outside.id)).toEqual([]);
    expect(await offersOf(died.id)).toEqual([]);

    // The same decisions as the rules make one by one.
    for (const row of facts) {
      const expected = rulesFor('pension.age_approaching')
        .filter(
          (rule) =>
            evaluateRule(rule, {
              type: 'pension.age_approaching',
              date: new Date().toISOString().slice(0, 10),
              concerned: [
                {
                  personId: row.id,
                  role: 'person',
                  givenName: row.given_name,
                  familyName: row.family_name,
                  personalCode: row.personal_code,
                  facts: readFacts(row.facts),
                },
              ],
              subjects: [],
              vars: { pensionDate: { date: '2026-01-01' } },
            }).length > 0,
        )
        .map((r) => r.subServiceId)
        .sort();
      expect((await offersOf(row.id)).map((o) => o.sub_service_id)).toEqual(expected);
    }

    // The client receives, for rows recorded set-based, exactly what the row-by-row readers build.
    const dan = people[3];
    const { rows: changes } = await db.query<{ entity: string; entity_id: string; seq: string }>(
      'SELECT entity, entity_id, seq FROM person_changes WHERE person_id = $1 ORDER BY seq',
      [dan.id],
    );
    // One row stands for everything the event made for the person.
    expect(changes.map((c) => c.entity)).toEqual(['agency_event']);
    const { rows: cases } = await db.query('SELECT 1 FROM cases WHERE person_id = $1', [dan.id]);
    expect(cases).toEqual([]);
    const { rows: seqRow } = await db.query<{ change_seq: string }>(
      'SELECT change_seq FROM person_clocks WHERE person_id = $1',
      [dan.id],
    );
    expect(Number(seqRow[0].change_seq)).toBe(Number(changes.at(-1)!.seq));
    const pulled = (await pullChanges(db, dan.id, 0)).changes;
    // Besides the offers and their notices, each rule's reading of the person's data (data-uses.test.ts).
    expect(pulled.map((c) => c.entity)).toEqual([
      'offer',
      'offer',
      'notification',
      'notification',
      'data_use',
      'data_use',
    ]);
    const links = [];
    for (const c of pulled) {
      if (c.op !== 'put') throw new Error('a cohort deletes nothing');
      if (c.entity === 'offer') expect(OfferRow.parse(c.data)).toEqual(await loadOfferRow(db, c.id));
      if (c.entity === 'notification') links.push(NotificationRow.parse(c.data).link);
    }
    expect(links.sort()).toEqual(
      pulled
        .filter((c) => c.entity === 'offer')
        .map((c) => `/offers/${c.id}`)
        .sort(),
    );
    const offers = pulled.flatMap((c) => (c.entity === 'offer' && c.op === 'put' ? [OfferRow.parse(c.data)] : []));
    const pension = offers.find((o) => o.subServiceId === 'pension-old-age-offer')!;
    expect(pension.dataBasis.en).toContain('born on 20 March 1961');
    expect(pension.dataBasis.en).toContain('pension age on 20 March 2026');
    expect(pension.dataBasis.et).toContain('sündinud 20.03.1961');
    expect(Object.fromEntries(pension.fields.map((f) => [f.key, f.value]))).toMatchObject({
      name: 'Dan Dee',
      startDate: '2026-03-20',
      bankAccount: 'EE382200221020145685',
      address: 'Tartu linn',
    });

    // Again, a new event: nothing new but the rules' reading of the people's data (8: 4 people, 2 rules).
    const uses = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM data_uses')).rows[0].n);
    const usesBefore = await uses();
    const before = await counts();
    const again = await post(ska, {
      id: nextId('pension-cohort'),
      type: 'pension.age_approaching',
      occurredAt: new Date().toISOString(),
      cohort: { bornFrom: '1961-03-01', bornTo: '1961-03-31' },
      pensionAge: { years: 65, months: 0 },
    });
    expect(RegisterEventResult.parse(again.body.result).offers).toBe(0);
    const after = await counts();
    expect({ ...after, events: before.events, changes: before.changes }).toEqual(before);
    expect((await uses()) - usesBefore).toBe(8);
  });

  it('a cohort’s notices read as one person’s do, their words kept once and not per person', async () => {
    const one = await addPerson('1966-05-05', 'male', { maritalStatus: 'single' });
    const inCohort = await addPerson('1966-05-06', 'male', { maritalStatus: 'single' });
    const event = {
      type: 'pension.age_approaching',
      occurredAt: new Date().toISOString(),
      pensionAge: { years: 65, months: 0 },
    };
    expect((await post(ska, { ...event, id: nextId('pension'), personalCode: one.code })).status).toBe(200);
    const cohort = { ...event, id: nextId('pension-cohort'), cohort: { bornFrom: '1966-05-06', bornTo: '1966-05-06' } };
    expect((await post(ska, cohort)).status).toBe(200);

    const notices = async (personId: string) =>
      (await pullChanges(db, personId, 0)).changes
        .flatMap((c) => (c.entity === 'notification' && c.op === 'put' ? [NotificationRow.parse(c.data)] : []))
        .filter((n) => n.topic === 'offer')
        .map((n) => ({ title: n.title, body: n.body }))
        .sort((a, b) => a.title.en.localeCompare(b.title.en));
    const read = await notices(inCohort.id);
    expect(read).toHaveLength(2);
    expect(read).toEqual(await notices(one.id));

    const { rows } = await db.query<{ id: string; title: unknown; text_id: string | null }>(
      'SELECT id, title, text_id FROM notifications WHERE person_id = $1',
      [inCohort.id],
    );
    expect(rows.map((r) => [r.title, typeof r.text_id])).toEqual([
      [null, 'string'],
      [null, 'string'],
    ]);
    // Marked read, the notice keeps its words on the client.
    await db.transaction((tx) => markNotificationRead(tx, inCohort.id, rows[0].id));
    const { rows: logged } = await db.query<{ data: unknown }>(
      `SELECT data FROM person_changes WHERE person_id = $1 AND entity = 'notification' AND entity_id = $2`,
      [inCohort.id, rows[0].id],
    );
    const marked = NotificationRow.parse(logged[0].data);
    expect(marked.readAt).not.toBeNull();
    expect(read).toContainEqual({ title: marked.title, body: marked.body });
  });

  it('advances an existing case in a cohort rather than opening another', async () => {
    const p = await addPerson('1962-01-10', 'male');
    await db.transaction((tx) => openCase(tx, p.id, { eventServiceId: 'retirement' }));
    const res = await post(ska, {
      id: nextId('pension-cohort'),
      type: 'pension.age_approaching',
      occurredAt: new Date().toISOString(),
      cohort: { bornFrom: '1962-01-10', bornTo: '1962-01-10' },
      pensionAge: { years: 65, months: 0 },
    });
    expect(RegisterEventResult.parse(res.body.result)).toMatchObject({ casesOpened: 0, offers: 1 });
    const { rows } = await db.query('SELECT id FROM cases WHERE person_id = $1', [p.id]);
    expect(rows).toHaveLength(1);
  });

  it('the call-up cohort: Estonian men of call-up age only', async () => {
    // Twenty years old on the day the event is received (the server's clock), whenever the test runs.
    const bornYearsAgo = (years: number, plusDays: number) => {
      const d = new Date();
      d.setUTCFullYear(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate() + plusDays);
      return d.toISOString().slice(0, 10);
    };
    const [first, second, third] = [0, 1, 2].map((days) => bornYearsAgo(20, -days - 30));
    const man = await addPerson(first, 'male');
    const woman = await addPerson(second, 'female');
    const foreign = await addPerson(third, 'male', { citizenship: 'LV' });
    const res = await post(defence, {
      id: nextId('call-up'),
      type: 'defence.call_up_age_reached',
      occurredAt: new Date().toISOString(),
      cohort: { bornFrom: third, bornTo: first },
    });
    expect(res.status).toBe(200);
    expect(await offersOf(man.id)).toEqual([{ sub_service_id: 'defence-call-up', subject_key: '', status: 'pending' }]);
    expect(await offersOf(woman.id)).toEqual([]);
    expect(await offersOf(foreign.id)).toEqual([]);
  });

  it('cuts a cohort into slices by person id, with the same offers as one slice', async () => {
    const days = ['1963-07-01', '1963-07-02', '1963-07-02', '1963-07-04'];
    const people = [];
    for (const day of days) people.push(await addPerson(day, 'female', { maritalStatus: 'single' }));
    // One of them has a phone subscribed to pushes.
    await db.query(
      `INSERT INTO push_subscriptions (person_id, endpoint, p256dh, auth, vapid_public_key)
       VALUES ($1, 'https://push.example/cohort', 'p', 'a', 'k')`,
      [people[1].id],
    );
    const done = await applyCohort(
      db,
      'pension.age_approaching',
      {
        eventId: nextId('sliced'),
        bornFrom: '1963-07-01',
        bornTo: '1963-07-31',
        date: new Date().toISOString().slice(0, 10),
        now: new Date(),
        vars: { pensionDate: { date: sql`(t.facts->>'birthDate')::date + interval '65 years'` } },
      },
      { slicePeople: 1, concurrency: 2 },
    );
    expect(done).toEqual({ people: 4, offers: 8 });
    const { rows: pushes } = await db.query<{ person_id: string; link: string }>(
      `SELECT n.person_id, n.link FROM push_deliveries d JOIN notifications n ON n.id = d.notification_id
       JOIN push_subscriptions s ON s.id = d.subscription_id WHERE s.endpoint = 'https://push.example/cohort'`,
    );
    expect(pushes).toHaveLength(2);
    for (const p of pushes)
      expect(p).toMatchObject({ person_id: people[1].id, link: expect.stringMatching(/^\/offers\//) });
    for (const p of people) {
      expect((await offersOf(p.id)).map((o) => o.sub_service_id)).toEqual([
        'pension-living-alone-allowance',
        'pension-old-age-offer',
      ]);
    }
  });

  it('finishes a cohort whose first run stopped midway when the agency sends it again', async () => {
    const people = [await addPerson('1964-02-03', 'male'), await addPerson('1964-02-04', 'male')];
    const body = {
      id: nextId('pension-cohort'),
      type: 'pension.age_approaching',
      occurredAt: new Date().toISOString(),
      cohort: { bornFrom: '1964-02-03', bornTo: '1964-02-04' },
      pensionAge: { years: 65, months: 0 },
    };
    expect((await post(ska, body)).status).toBe(200);
    // As if the run had stopped after the first slice: the event claimed, never answered.
    await db.query('UPDATE agency_events SET response = NULL WHERE event_id = $1', [body.id]);
    await db.query('DELETE FROM notifications WHERE person_id = $1', [people[1].id]);
    await db.query('DELETE FROM person_changes WHERE person_id = $1', [people[1].id]);
    await db.query('DELETE FROM offers WHERE person_id = $1', [people[1].id]);

    const again = await post(ska, body);
    expect(again.status).toBe(200);
    expect(again.body.replayed).toBe(false);
    expect(RegisterEventResult.parse(again.body.result)).toMatchObject({ people: 1, offers: 1 });
    for (const p of people) expect(await offersOf(p.id)).toHaveLength(1);
    const third = await post(ska, body);
    expect(third.body).toMatchObject({ replayed: true, result: { people: 1, offers: 1 } });
  });

  it('refuses a cohort from an agency that does not keep the register (403), writing nothing', async () => {
    await addPerson('1965-03-03', 'male');
    const notDefence = (await createAgencyKey(db, 'ska', { scopes: ['defence.call_up_age_reached'] })).key;
    const before = await counts();
    const res = await post(notDefence, {
      id: nextId('call-up'),
      type: 'defence.call_up_age_reached',
      occurredAt: new Date().toISOString(),
      cohort: { bornFrom: '1965-03-01', bornTo: '1965-03-31' },
    });
    expect(res.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      'both a person and a cohort',
      {
        personalCode: makePersonalCode('1961-01-01', 'male', 1),
        cohort: { bornFrom: '1961-01-01', bornTo: '1961-01-31' },
      },
    ],
    ['neither a person nor a cohort', {}],
    ['a cohort running backwards', { cohort: { bornFrom: '1961-02-01', bornTo: '1961-01-01' } }],
    ['a cohort of ten years', { cohort: { bornFrom: '1950-01-01', bornTo: '1960-01-01' } }],
  ])('refuses %s (400)', async (_, target) => {
    const before = await counts();
    const res = await post(ska, {
      id: nextId('bad'),
      type: 'pension.age_approaching',
      occurredAt: new Date().toISOString(),
      pensionAge: { years: 65, months: 0 },
      ...target,
    });
    expect(res.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});
