import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/contract/langs';
import { type Database, openDatabase } from '../../src/server/db/database';
import { join, raw, sql, toQuery } from '../../src/server/db/sql';
import { type Concerned, holds, personVars, renderText } from '../../src/server/rules/evaluate';
import type { PersonFacts } from '../../src/server/rules/facts';
import { RULES } from '../../src/server/rules/index';
import type { Condition, Rule } from '../../src/server/rules/schema';
import { conditionSql, personSqlVars, varSql } from '../../src/server/rules/sql';

/**
 * One meaning for every rule: the in-memory evaluator (evaluate.ts, for named people) and the SQL it
 * compiles to (sql.ts, for cohorts) pick the same people, for generated facts with birthdays and
 * residence starts on and around each boundary. Runs on PGlite, and on PostgreSQL with DATABASE_URL.
 */

let db: Database;
beforeAll(async () => {
  db = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {});
});
afterAll(() => db.close());

const day = (iso: string, years: number, days: number) => {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y - years, m - 1, d + days));
  return date.toISOString().slice(0, 10);
};

/** An event date, leap days and month ends among them. */
const eventDate = fc
  .constantFrom('2026-01-01', '2026-02-28', '2026-03-01', '2028-02-29', '2027-12-31', '2026-06-15')
  .chain((d) => fc.integer({ min: -3, max: 3 }).map((shift) => day(d, 0, shift)));

/** A date `years` (around the ages the rules test) before the event date, give or take a few days. */
const around = (date: string) =>
  fc
    .record({
      years: fc.constantFrom(0, 1, 3, 4, 5, 6, 15, 16, 17, 18, 19, 26, 27, 28, 64, 65, 66, 70),
      days: fc.integer({ min: -2, max: 2 }),
    })
    .map(({ years, days }) => day(date, years, days));

const facts = (date: string): fc.Arbitrary<PersonFacts> =>
  fc.record(
    {
      sex: fc.constantFrom('male', 'female') as fc.Arbitrary<'male' | 'female'>,
      birthDate: fc.oneof(around(date), fc.constantFrom('2000-02-29', '1960-02-29')),
      citizenship: fc.constantFrom('EE', 'LV', 'UA', 'RU'),
      residence: fc.record(
        {
          country: fc.constantFrom('EE', 'FI', 'UA'),
          municipality: fc.constantFrom('Tallinn', 'Pärnu linn', 'Viimsi vald', 'Tartu vald', 'Espoo', ''),
          since: around(date),
        },
        { requiredKeys: ['country'] },
      ),
      maritalStatus: fc.constantFrom('single', 'married', 'divorced', 'widowed') as fc.Arbitrary<'single' | 'married'>,
    },
    { requiredKeys: [] },
  );

/** Conditions on the person of every kind the SQL compiles, with bounds where the rules put theirs. */
const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    kind: fc.constant('fact' as const),
    path: fc.constantFrom('sex', 'citizenship', 'residence.country', 'maritalStatus' as const),
    op: fc.constantFrom('in' as const, 'not_in' as const),
    values: fc.uniqueArray(fc.constantFrom('male', 'female', 'EE', 'LV', 'UA', 'FI', 'single', 'married', 'widowed'), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc
    .record({
      min: fc.option(fc.constantFrom(0, 16, 18, 65), { nil: undefined }),
      under: fc.option(fc.constantFrom(5, 16, 18, 28, 66), { nil: undefined }),
    })
    .map(({ min, under }) => ({
      kind: 'age' as const,
      of: 'person' as const,
      ...(min === undefined ? {} : { min }),
      ...(under === undefined ? {} : { under }),
    })),
  fc.constantFrom(1, 3, 5).map((withinYears) => ({ kind: 'resident_since' as const, withinYears })),
);

/** Which of the people the SQL of `conditions` picks, on `date`. */
async function sqlPicks(conditions: Condition[], people: PersonFacts[], date: string): Promise<boolean[]> {
  const on = sql`${date}::date`;
  const where = conditions.length
    ? join(
        conditions.map((c) => conditionSql(c, 'p', on)),
        ' AND ',
      )
    : raw('true');
  const { rows } = await db.query<{ ok: boolean }>(
    ...toQuery(sql`SELECT (${where}) AS ok, ${on} AS on_date
      FROM (SELECT value AS facts, ordinality FROM jsonb_array_elements(${JSON.stringify(people)}::jsonb) WITH ORDINALITY) p
      ORDER BY p.ordinality`),
  );
  return rows.map((r) => r.ok === true);
}

const person = (f: PersonFacts): Concerned => ({
  personId: 'p',
  role: 'person',
  givenName: 'A',
  familyName: 'B',
  personalCode: '0',
  facts: f,
});
const evaluatorPicks = (conditions: Condition[], people: PersonFacts[], date: string) =>
  people.map((f) => conditions.every((c) => holds(c, person(f), undefined, date)));

/** The person variables the SQL writes into a cohort's offers, for each of the people, as jsonb reads back. */
async function sqlPersonVars(people: PersonFacts[]): Promise<Record<string, unknown>[]> {
  const vars = personSqlVars('p');
  const items = Object.entries(vars).map(([name, v]) => sql`${name}::text, ${varSql(v)}`);
  const { rows } = await db.query<{ vars: Record<string, unknown> }>(
    ...toQuery(sql`SELECT jsonb_build_object(${join(items, ', ')}) AS vars
      FROM (SELECT value AS facts, 'A'::text AS given_name, 'B'::text AS family_name, '0'::text AS personal_code, ordinality
        FROM jsonb_array_elements(${JSON.stringify(people)}::jsonb) WITH ORDINALITY) p
      ORDER BY p.ordinality`),
  );
  return rows.map((r) => r.vars);
}

const personConditionsOnly = (rule: Rule) =>
  rule.conditions.every((c) => c.kind !== 'subject_disability' && !(c.kind === 'age' && c.of === 'subject'));

const RUNS = 60;

describe('rules: the evaluator and the SQL pick the same people', () => {
  const compiled = RULES.filter(personConditionsOnly);

  it('covers the rules cohorts use and those with age and residence conditions', () => {
    const kinds = new Set(compiled.flatMap((r) => r.conditions.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(['age', 'fact', 'resident_since']);
    expect(compiled.map((r) => r.id)).toEqual(expect.arrayContaining(['defence-call-up', 'pension-old-age-offer']));
  });

  it.each(compiled.map((r) => [r.id, r] as const))('%s', async (_id, rule) => {
    await fc.assert(
      fc.asyncProperty(
        eventDate.chain((date) => fc.tuple(fc.constant(date), fc.array(facts(date), { minLength: 1, maxLength: 25 }))),
        async ([date, people]) => {
          expect(await sqlPicks(rule.conditions, people, date)).toEqual(evaluatorPicks(rule.conditions, people, date));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('for any conditions of the kinds the SQL compiles', async () => {
    await fc.assert(
      fc.asyncProperty(
        eventDate.chain((date) =>
          fc.tuple(
            fc.constant(date),
            fc.array(condition, { minLength: 1, maxLength: 3 }),
            fc.array(facts(date), { minLength: 1, maxLength: 25 }),
          ),
        ),
        async ([date, conditions, people]) => {
          expect(await sqlPicks(conditions, people, date)).toEqual(evaluatorPicks(conditions, people, date));
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('and write the same person variables, and so the same texts in every language', async () => {
    await fc.assert(
      fc.asyncProperty(
        eventDate.chain((date) => fc.array(facts(date), { minLength: 1, maxLength: 25 })),
        async (people) => {
          const fromSql = await sqlPersonVars(people);
          const fromEvaluator = people.map((f) => personVars(person(f)));
          expect(fromSql).toEqual(fromEvaluator);
          const rendered = (vars: Record<string, unknown>) =>
            [...LANGS, 'field' as const].map((lang) => renderText('{{address}} {{birthDate}}', vars as never, lang));
          expect(fromSql.map(rendered)).toEqual(fromEvaluator.map(rendered));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
