import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataUsedEvent } from '../../src/contract/agency-events';
import { DataUseRow } from '../../src/contract/data-uses';
import { makePersonalCode } from '../../src/contract/isikukood';
import { createAgencyKey } from '../../src/server/agency/keys';
import { recordAgencyUse } from '../../src/server/data-uses/used';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';
import { applyCohort, planSlices } from '../../src/server/offers/cohort';
import { pensionCohortVars } from '../../src/server/registers/events';
import { mutationRoutes } from '../../src/server/routes/sync';
import { rulesFor } from '../../src/server/rules/index';
import { mutationHandlers } from '../../src/server/sync/handlers';
import { pullChanges } from '../../src/server/sync/pull';
import { postAgencyEvent, testApp } from './app';
import { openTestDatabase } from './db';
import { asPerson } from './person-harness';

let db: Database;
let app: ReturnType<typeof testApp>;
let phone: ReturnType<typeof asPerson>;
let answers: string;
let answersPopulation: string;
let ska: string;
let population: string;
let pension: string;
let births: string;
let seq = 0;

beforeAll(async () => {
  db = await openTestDatabase();
  app = testApp(db);
  ska = (await createAgencyKey(db, 'ska', { scopes: ['data.used'] })).key;
  population = (await createAgencyKey(db, 'siseministeerium', { scopes: ['data.used'] })).key;
  answers = (await createAgencyKey(db, 'ska', { scopes: ['data_use.answered'] })).key;
  answersPopulation = (await createAgencyKey(db, 'siseministeerium', { scopes: ['data_use.answered'] })).key;
  pension = (await createAgencyKey(db, 'ska', { scopes: ['pension.age_approaching'] })).key;
  births = (await createAgencyKey(db, 'siseministeerium', { scopes: ['population.birth_registered'] })).key;
  phone = asPerson(db, (r) => r.route('/api/mutations', mutationRoutes(db, mutationHandlers, createLogger('silent'))));
});
afterAll(() => db.close());

const post = (key: string, body: unknown) => postAgencyEvent(app, key, body);

async function addPerson(birthDate: string, facts: Record<string, unknown> = {}) {
  const code = makePersonalCode(birthDate, 'female', 100 + (++seq % 800));
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO persons (personal_code, given_name, family_name, facts) VALUES ($1, 'Test', 'Person', $2) RETURNING id`,
    [code, { birthDate, ...facts }],
  );
  return { id: rows[0].id, code };
}

const legal = {
  text: {
    et: 'Sotsiaalhoolekande seadus § 1',
    en: 'Social Welfare Act § 1',
    ru: 'Закон о социальном обеспечении § 1',
    uk: 'Закон про соціальне забезпечення § 1',
  },
  url: 'https://www.riigiteataja.ee/akt/SHS',
};

function useEvent(target: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    id: `use-${++seq}`,
    type: 'data.used',
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    ...target,
    register: 'population',
    categories: ['identity', 'address'],
    purpose: { code: 'pension_calculation' },
    legalBasis: legal,
    unit: 'Pensionide osakond',
    ...extra,
  };
}

async function usesOf(personId: string) {
  const { rows } = await db.query<{ id: string; agency_id: string; purpose_code: string }>(
    'SELECT id, agency_id, purpose_code FROM data_uses WHERE person_id = $1 ORDER BY used_at, id',
    [personId],
  );
  return rows;
}

const count = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM data_uses')).rows[0].n);

describe('data.used', () => {
  it('records a use about one person and sends it to their device as a checked row', async () => {
    const p = await addPerson('1961-03-10');
    const { status, body } = await post(ska, useEvent({ personalCode: p.code }));
    expect(status).toBe(200);
    expect(body.result).toEqual({ recorded: 1, skipped: 0 });
    const page = await pullChanges(db, p.id, 0);
    const rows = page.changes.filter((c) => c.entity === 'data_use');
    expect(rows).toHaveLength(1);
    const row = DataUseRow.parse({ ...(rows[0] as { data: object }).data, id: rows[0].id });
    expect(row).toMatchObject({
      source: 'agency',
      agencyId: 'ska',
      unit: 'Pensionide osakond',
      register: 'population',
      purposeCode: 'pension_calculation',
      legalUrl: legal.url,
      offerId: null,
    });
    expect(row.purpose.en).toBe('Calculating your pension');
    expect(row.registerName.en).toBe('Population register');
    expect(row.categories.map((c) => c.name.en)).toEqual(['name and personal code', 'address']);
  });

  it('is idempotent by id, and a replayed id with another body is refused with 409', async () => {
    const p = await addPerson('1962-04-11');
    const event = useEvent({ personalCode: p.code });
    expect((await post(ska, event)).status).toBe(200);
    const again = await post(ska, event);
    expect(again.status).toBe(200);
    expect(again.body.replayed).toBe(true);
    expect(await usesOf(p.id)).toHaveLength(1);
    const other = await post(ska, { ...event, categories: ['income'] });
    expect(other.status).toBe(409);
    expect(other.body.error?.code).toBe('event_id_reused');
    expect(await usesOf(p.id)).toHaveLength(1);
  });

  it("refuses another agency's purpose, an unknown register or category, and changes nothing", async () => {
    const p = await addPerson('1963-05-12');
    const before = await count();
    const cases: [string, Record<string, unknown>, string][] = [
      [population, {}, 'purpose_not_allowed'],
      [ska, { purpose: { code: 'no_such_purpose' } }, 'purpose_not_allowed'],
      [ska, { purpose: { code: 'proactive_offer' } }, 'purpose_not_allowed'],
      [ska, { register: 'secret' }, 'unknown_register'],
      [ska, { categories: ['identity', 'shoeSize'] }, 'unknown_category'],
      [ska, { subServiceId: 'no-such-service' }, 'unknown_sub_service'],
      [ska, { occurredAt: new Date(Date.now() + 3_600_000).toISOString() }, 'occurred_in_future'],
    ];
    for (const [key, extra, code] of cases) {
      const { status, body } = await post(key, useEvent({ personalCode: p.code }, extra));
      expect([status, body.error?.code]).toEqual([422, code]);
    }
    expect(await count()).toBe(before);
  });

  it('refuses bad text with 400: a NUL, text too long, a missing language, a non-https act', async () => {
    const p = await addPerson('1964-06-13');
    const bad = [
      { unit: 'a\u0000b' },
      { purpose: { code: 'pension_calculation', text: { et: 'x', en: 'x', ru: 'x', uk: 'x'.repeat(501) } } },
      { purpose: { code: 'pension_calculation', text: { et: 'x', en: 'x', ru: 'x' } } },
      { legalBasis: { ...legal, url: 'http://www.riigiteataja.ee/akt/SHS' } },
      { categories: [] },
      { categories: ['identity', 'identity'] },
    ];
    for (const extra of bad) {
      const { status } = await post(ska, useEvent({ personalCode: p.code }, extra));
      expect(status).toBe(400);
    }
    expect(await usesOf(p.id)).toEqual([]);
  });

  it('skips and counts a person who does not use the service', async () => {
    const before = await count();
    const { status, body } = await post(ska, useEvent({ personalCode: makePersonalCode('1950-01-01', 'male', 999) }));
    expect(status).toBe(200);
    expect(body.result).toEqual({ recorded: 0, skipped: 1 });
    expect(await count()).toBe(before);
  });

  it('records one entry per person of a cohort, set-based, and links the offer it served', async () => {
    const inside = await Promise.all(['1970-02-01', '1970-06-30', '1970-12-31'].map((d) => addPerson(d)));
    const outside = await addPerson('1971-01-01');
    const { rows: offer } = await db.query<{ id: string }>(
      `INSERT INTO offers (person_id, rule_id, sub_service_id, kind, declinable, deadline, vars, agency_event_id)
       VALUES ($1, 'pension-old-age-offer', 'pension-old-age-offer', 'consent', true, '2027-01-01', '{}', 'x') RETURNING id`,
      [inside[0].id],
    );
    const { status, body } = await post(
      ska,
      useEvent({ cohort: { bornFrom: '1970-01-01', bornTo: '1970-12-31' } }, { subServiceId: 'pension-old-age-offer' }),
    );
    expect(status).toBe(200);
    expect(body.result).toEqual({ recorded: 3, skipped: 0 });
    for (const p of inside) expect(await usesOf(p.id)).toHaveLength(1);
    expect(await usesOf(outside.id)).toEqual([]);
    const { rows } = await db.query<{ person_id: string; offer_id: string | null }>(
      'SELECT person_id, offer_id FROM data_uses WHERE person_id = ANY($1::uuid[])',
      [inside.map((p) => p.id)],
    );
    const linked = new Map(rows.map((r) => [r.person_id, r.offer_id]));
    expect(inside.map((p) => linked.get(p.id))).toEqual([offer[0].id, null, null]);
  });
});

describe('data.used for a cohort, in slices', () => {
  it('writes each person once, a bounded slice per transaction, whatever the cut', async () => {
    const people = await Promise.all(
      ['1972-01-01', '1972-03-03', '1972-05-05', '1972-07-07', '1972-09-09'].map((d) => addPerson(d)),
    );
    const event = DataUsedEvent.parse(useEvent({ cohort: { bornFrom: '1972-01-01', bornTo: '1972-12-31' } }));
    const slices = await planSlices(db, '1972-01-01', '1972-12-31', 2);
    expect(slices).toHaveLength(3);
    const recorded = [];
    for (const slice of slices) {
      recorded.push((await db.transaction((tx) => recordAgencyUse(tx, 'ska', event, slice))).recorded);
    }
    expect(recorded).toEqual([2, 2, 1]);
    for (const p of people) expect(await usesOf(p.id)).toHaveLength(1);
  });

  it('refuses a bad cohort event before claiming it: nothing written, the id free to use again', async () => {
    const event = useEvent({ cohort: { bornFrom: '1973-01-01', bornTo: '1973-12-31' } }, { subServiceId: 'nope' });
    const before = await count();
    const { status, body } = await post(ska, event);
    expect([status, body.error?.code]).toEqual([422, 'unknown_sub_service']);
    expect(await count()).toBe(before);
    const { rows } = await db.query('SELECT 1 FROM agency_events WHERE event_id = $1', [event.id]);
    expect(rows).toEqual([]);
    expect((await post(ska, { ...event, subServiceId: undefined })).status).toBe(200);
  });
});

async function ask(code: string, payload: Record<string, unknown>) {
  const id = randomUUID();
  const res = await phone.request('/api/mutations', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-person': code },
    body: JSON.stringify({ mutations: [{ id, type: 'data_use.ask', payload, createdAt: new Date().toISOString() }] }),
  });
  return ((await res.json()) as { results: { status: string; code?: string }[] }).results[0];
}

async function questions(key: string, all = false, query = '') {
  const res = await app.request(`/api/agency/questions?${all ? 'status=all&' : ''}${query}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      questions: { id: string; text: string; answer: string | null }[];
      next: string | null;
      error?: { code: string };
    },
  };
}

async function useRow(personId: string, useId: string) {
  const page = await pullChanges(db, personId, 0);
  const change = page.changes.find((c) => c.entity === 'data_use' && c.id === useId) as { data: object; id: string };
  return DataUseRow.parse({ ...change.data, id: change.id });
}

describe('asking about a use', () => {
  it('a question goes to the agency that used the data; its answer comes back in the thread and as a notification', async () => {
    const p = await addPerson('1966-08-15');
    await post(ska, useEvent({ personalCode: p.code }));
    const [use] = await usesOf(p.id);
    const questionId = randomUUID();
    expect(await ask(p.code, { questionId, dataUseId: use.id, text: '  Why my address?  ', language: 'en' })).toEqual(
      expect.objectContaining({ status: 'applied' }),
    );
    const asked = await useRow(p.id, use.id);
    expect(asked.questions).toEqual([
      expect.objectContaining({ id: questionId, text: 'Why my address?', answer: null }),
    ]);
    expect(Date.parse(asked.questions[0].dueBy) - Date.parse(asked.questions[0].askedAt)).toBe(30 * 86_400_000);

    // The agency sees it; another agency does not, and cannot answer it.
    expect((await questions(answers)).body.questions.map((q) => q.id)).toContain(questionId);
    expect((await questions(answersPopulation)).body.questions.map((q) => q.id)).not.toContain(questionId);
    expect((await questions(ska)).status).toBe(403);
    const answer = (id: string) => ({
      id,
      type: 'data_use.answered',
      occurredAt: new Date().toISOString(),
      questionId,
      answer: 'To send your pension decision.',
    });
    const foreign = await post(answersPopulation, answer('answer-foreign'));
    expect([foreign.status, foreign.body.error?.code]).toEqual([404, 'unknown_question']);

    expect((await post(answers, answer('answer-1'))).status).toBe(200);
    const answered = await useRow(p.id, use.id);
    expect(answered.questions[0]).toMatchObject({ answer: 'To send your pension decision.' });
    expect(answered.questions[0].answeredAt).not.toBeNull();
    const { rows } = await db.query<{ title: { en: string }; body: { en: string }; link: string }>(
      'SELECT title, body, link FROM notifications WHERE person_id = $1',
      [p.id],
    );
    expect(rows).toEqual([
      {
        title: expect.objectContaining({ en: 'Your question has been answered' }),
        body: expect.objectContaining({
          en: 'Social Insurance Board answered your question about the use of your data.',
        }),
        link: '/my-data',
      },
    ]);
    expect((await questions(answers)).body.questions.map((q) => q.id)).not.toContain(questionId);
    expect((await questions(answers, true)).body.questions.map((q) => q.id)).toContain(questionId);
    const twice = await post(answers, answer('answer-2'));
    expect([twice.status, twice.body.error?.code]).toEqual([409, 'already_answered']);
  });

  it("refuses a question about someone else's use, a reused question id, and bad text, writing nothing", async () => {
    const p = await addPerson('1967-09-16');
    const other = await addPerson('1968-10-17');
    await post(ska, useEvent({ personalCode: other.code }));
    await post(ska, useEvent({ personalCode: p.code }));
    const [theirs] = await usesOf(other.id);
    const [mine] = await usesOf(p.id);
    const count = async () =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM data_use_questions')).rows[0].n);
    const before = await count();
    expect(await ask(p.code, { questionId: randomUUID(), dataUseId: theirs.id, text: 'Why?', language: 'et' })).toEqual(
      expect.objectContaining({ status: 'rejected', code: 'not_found' }),
    );
    for (const text of ['', '   ', 'a\u0000b', 'x'.repeat(2001)]) {
      expect(await ask(p.code, { questionId: randomUUID(), dataUseId: mine.id, text, language: 'et' })).toEqual(
        expect.objectContaining({ status: 'rejected', code: 'invalid_payload' }),
      );
    }
    expect(await count()).toBe(before);
    const questionId = randomUUID();
    await ask(p.code, { questionId, dataUseId: mine.id, text: 'Why?', language: 'et' });
    expect(await ask(p.code, { questionId, dataUseId: mine.id, text: 'Again?', language: 'et' })).toEqual(
      expect.objectContaining({ status: 'rejected', code: 'already_asked' }),
    );
    expect(await count()).toBe(before + 1);
  });
});

/** Someone of pension age living in Estonia; married or not (the living-alone allowance asks). */
const pensioner = (birthDate: string, maritalStatus: string, extra: Record<string, unknown> = {}) =>
  addPerson(birthDate, { residence: { country: 'EE', municipality: 'Tartu linn' }, maritalStatus, ...extra });

/** The person's uses by the rules, as their device receives them, by rule (sub-service). */
async function ruleUsesOf(personId: string) {
  const page = await pullChanges(db, personId, 0);
  const rows = page.changes.flatMap((c) =>
    c.entity === 'data_use' && c.op === 'put' ? [DataUseRow.parse({ ...c.data, id: c.id })] : [],
  );
  return new Map(rows.filter((r) => r.source === 'rule').map((r) => [r.subServiceId!, r]));
}

const codes = (row: DataUseRow | undefined) => row?.categories.map((c) => c.code);

async function offerOf(personId: string, subServiceId: string) {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM offers WHERE person_id = $1 AND sub_service_id = $2',
    [personId, subServiceId],
  );
  return rows[0]?.id ?? null;
}

const ruleEntries = async (personId: string) =>
  Number(
    (
      await db.query<{ n: string }>(`SELECT count(*) AS n FROM data_uses WHERE person_id = $1 AND source = 'rule'`, [
        personId,
      ])
    ).rows[0].n,
  );

describe("the app's own use: rules reading register facts", () => {
  it('one person: an entry per rule read, saying which facts, from which registers, for which offer', async () => {
    const p = await pensioner('1961-05-02', 'married', { bankAccount: 'EE382200221020145685' });
    const event = {
      id: `pension-${++seq}`,
      type: 'pension.age_approaching',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      personalCode: p.code,
      pensionAge: { years: 65, months: 0 },
    };
    expect((await post(pension, event)).status).toBe(200);
    const uses = await ruleUsesOf(p.id);
    expect([...uses.keys()].sort()).toEqual(
      rulesFor('pension.age_approaching')
        .map((r) => r.subServiceId)
        .sort(),
    );

    // The offer made: read for the conditions and for the offer's details, from two registers.
    const oldAge = uses.get('pension-old-age-offer')!;
    expect(oldAge).toMatchObject({
      source: 'rule',
      agencyId: 'ska',
      purposeCode: 'proactive_offer',
      offerId: await offerOf(p.id, 'pension-old-age-offer'),
    });
    expect(codes(oldAge)).toEqual(['identity', 'birthDate', 'address', 'bankAccount']);
    expect(oldAge.registerName.en).toBe('Population register and Social Insurance Board database');
    expect(oldAge.registerName.et).toBe('Rahvastikuregister ja Sotsiaalkindlustusameti andmekogu');
    expect(oldAge.purpose.en).toBe('Checking whether you are entitled to a service, to offer it to you');
    expect(oldAge.legalBasis.en).toContain('Act');
    // No offer (married): only what the conditions test was read, and it says so.
    const alone = uses.get('pension-living-alone-allowance')!;
    expect(alone.offerId).toBeNull();
    expect(codes(alone)).toEqual(['address', 'maritalStatus']);
    expect(alone.registerName.en).toBe('Population register');

    // The same event again is answered from before, and records nothing more.
    const again = await post(pension, event);
    expect(again.body.replayed).toBe(true);
    expect(await ruleEntries(p.id)).toBe(2);
  });

  it('events that name people: the parents who use the service, each read by each rule; nobody else', async () => {
    const mother = await addPerson('1990-01-05', { residence: { country: 'EE' }, sex: 'female' });
    const father = await addPerson('1989-02-06', { residence: { country: 'FI' }, sex: 'male' });
    const stranger = makePersonalCode('1988-03-07', 'male', 990);
    const child = {
      personalCode: makePersonalCode('2026-01-10', 'female', 123),
      givenName: 'Mia',
      familyName: 'Person',
    };
    const birth = (parents: [string, string]) => ({
      id: `birth-${++seq}`,
      type: 'population.birth_registered',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      parents: [
        { personalCode: parents[0], role: 'mother' },
        { personalCode: parents[1], role: 'father' },
      ],
      children: [{ ...child, birthDate: '2026-01-10' }],
    });
    expect((await post(births, birth([mother.code, father.code]))).status).toBe(200);
    const rules = rulesFor('population.birth_registered')
      .map((r) => r.subServiceId)
      .sort();
    const mothers = await ruleUsesOf(mother.id);
    const fathers = await ruleUsesOf(father.id);
    expect([...mothers.keys()].sort()).toEqual(rules);
    expect([...fathers.keys()].sort()).toEqual(rules);
    // The mother lives in Estonia and gets the allowance; the father, in Finland, was only checked.
    expect(mothers.get('child-birth-allowance')!.offerId).toBe(await offerOf(mother.id, 'child-birth-allowance'));
    expect(mothers.get('child-birth-allowance')!.offerId).not.toBeNull();
    expect(fathers.get('child-birth-allowance')).toMatchObject({ offerId: null });
    expect(codes(fathers.get('child-birth-allowance'))).toEqual(['address']);
    expect(codes(mothers.get('child-birth-allowance'))).toEqual(['address', 'family', 'bankAccount']);

    // A parent who does not use the service is not read: the one who does is, alone.
    const single = await addPerson('1991-04-08', { residence: { country: 'EE' }, sex: 'female' });
    const before = await count();
    expect((await post(births, birth([single.code, stranger]))).status).toBe(200);
    expect(await count()).toBe(before + rules.length);
    expect(await ruleEntries(single.id)).toBe(rules.length);
  });

  it('a cohort: set-based, an entry per person and rule, sent by the event reference; none for the dead or others', async () => {
    const inside = await Promise.all([pensioner('1959-07-01', 'single'), pensioner('1959-07-31', 'married')]);
    const dead = await pensioner('1959-07-15', 'single', { diedOn: '2026-01-01' });
    const outside = await pensioner('1959-08-01', 'single');
    const event = {
      id: `cohort-${++seq}`,
      type: 'pension.age_approaching',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      cohort: { bornFrom: '1959-07-01', bornTo: '1959-07-31' },
      pensionAge: { years: 65, months: 0 },
    };
    const before = await count();
    expect((await post(pension, event)).status).toBe(200);
    expect(await count()).toBe(before + 4);
    const [single, married] = await Promise.all(inside.map((p) => ruleUsesOf(p.id)));
    expect(single.get('pension-living-alone-allowance')!.offerId).toBe(
      await offerOf(inside[0].id, 'pension-living-alone-allowance'),
    );
    expect(single.get('pension-living-alone-allowance')!.offerId).not.toBeNull();
    expect(married.get('pension-living-alone-allowance')!.offerId).toBeNull();
    expect(codes(married.get('pension-living-alone-allowance'))).toEqual(['address', 'maritalStatus']);
    // The cohort's rows read as the one person's: the same words for the same reading.
    const one = await pensioner('1961-05-03', 'married');
    await post(pension, { ...event, id: `pension-${++seq}`, cohort: undefined, personalCode: one.code });
    const { id: _a, offerId: _b, usedAt: _c, ...cohortWords } = married.get('pension-living-alone-allowance')!;
    const {
      id: _d,
      offerId: _e,
      usedAt: _f,
      ...personWords
    } = (await ruleUsesOf(one.id)).get('pension-living-alone-allowance')!;
    expect(cohortWords).toEqual(personWords);
    expect(await ruleEntries(dead.id)).toBe(0);
    expect(await ruleEntries(outside.id)).toBe(0);

    // Run again (a resent event whose first run did not finish): nothing twice, no change-log row more.
    const clock = async () =>
      (await db.query('SELECT person_id, change_seq FROM person_clocks ORDER BY person_id')).rows;
    const clocks = await clock();
    const again = await applyCohort(db, 'pension.age_approaching', {
      eventId: event.id,
      bornFrom: '1959-07-01',
      bornTo: '1959-07-31',
      date: '2026-01-01',
      now: new Date(),
      vars: {},
    });
    expect(again.offers).toBe(0);
    expect(await count()).toBe(before + 4 + 2);
    expect(await clock()).toEqual(clocks);
  });

  it('a cohort cut into many slices links each entry to the offer of its own person and rule', async () => {
    const people = await Promise.all(
      ['1958-02-01', '1958-02-02', '1958-02-03', '1958-02-04', '1958-02-05'].map((d, i) =>
        pensioner(d, i % 2 ? 'married' : 'single'),
      ),
    );
    // Living abroad: no offer at all, yet read, and told so through the event's reference.
    const abroad = await addPerson('1958-02-06', { residence: { country: 'FI' }, maritalStatus: 'single' });
    people.push(abroad);
    await applyCohort(
      db,
      'pension.age_approaching',
      {
        eventId: `sliced-${++seq}`,
        bornFrom: '1958-02-01',
        bornTo: '1958-02-28',
        date: '2026-01-01',
        now: new Date(),
        vars: pensionCohortVars({ pensionAge: { years: 65, months: 0 } }),
      },
      { slicePeople: 2 },
    );
    for (const p of people) {
      const uses = await ruleUsesOf(p.id);
      expect(uses.size).toBe(2);
      for (const [sub, use] of uses) expect(use.offerId).toBe(await offerOf(p.id, sub));
      if (p === abroad) expect([...uses.values()].map((u) => u.offerId)).toEqual([null, null]);
    }
  });
});

describe('the agency reads its questions a page at a time', () => {
  it('pages beyond 500 by the cursor, each question once, oldest first, ties by id', async () => {
    const p = await addPerson('1969-11-18');
    await post(ska, useEvent({ personalCode: p.code }));
    const [use] = await usesOf(p.id);
    // 1 203 questions, three asked in each millisecond-less moment: the cursor must not skip or repeat a tie.
    await db.query(
      `INSERT INTO data_use_questions (id, data_use_id, person_id, agency_id, text, language, asked_at)
       SELECT gen_random_uuid(), $1, $2, 'ska', 'Question ' || i, 'et',
         timestamptz '2026-01-01 00:00:00.123456+00' + (i / 3) * interval '1.5 microseconds'
       FROM generate_series(1, 1203) AS i`,
      [use.id, p.id],
    );
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM data_use_questions WHERE agency_id = 'ska' ORDER BY asked_at, id`,
    );
    const read = async (query: string) => {
      const ids: string[] = [];
      let after = '';
      for (let pages = 0; ; pages++) {
        const { status, body } = await questions(answers, true, `${query}${after ? `&after=${after}` : ''}`);
        expect(status).toBe(200);
        ids.push(...body.questions.map((q) => q.id));
        if (!body.next) return { ids, pages: pages + 1 };
        after = body.next;
      }
    };
    const whole = await read('');
    expect(whole.pages).toBe(Math.ceil(rows.length / 500));
    expect(whole.ids).toEqual(rows.map((r) => r.id));
    const small = await read('limit=97');
    expect(small.ids).toEqual(rows.map((r) => r.id));
    expect(small.pages).toBe(Math.ceil(rows.length / 97));
  });

  it('refuses a bad limit or cursor with 400', async () => {
    for (const [query, code] of [
      ['limit=0', 'bad_limit'],
      ['limit=501', 'bad_limit'],
      ['limit=x', 'bad_limit'],
      ['after=bm9wZQ', 'bad_cursor'],
      ["after=1.x'--", 'bad_cursor'],
    ]) {
      const { status, body } = await questions(answers, false, query);
      expect([status, body.error?.code]).toEqual([400, code]);
    }
  });
});
