import { join, raw, type Sql, sql } from '../db/sql';
import { templateVariables } from './evaluate';
import type { Condition, Rule } from './schema';

/**
 * Rules compiled to SQL, for cohorts: the same conditions and offer variables as evaluate.ts, as
 * expressions over a row with `facts`, `given_name`, `family_name` and `personal_code`. Values go in
 * as parameters (db/sql.ts), never into the text.
 */

/**
 * A variable as SQL: an expression of type text, of type date (written per language), or of type
 * jsonb for a place (evaluate.ts's Var `place`: `{ municipality }` or `{ country }`).
 */
export type SqlVar = { text: Sql } | { date: Sql } | { place: Sql };
export type SqlVars = Record<string, SqlVar>;

const FACT_SQL: Record<string, (a: Sql) => Sql> = {
  sex: (a) => sql`${a}.facts->>'sex'`,
  citizenship: (a) => sql`${a}.facts->>'citizenship'`,
  maritalStatus: (a) => sql`${a}.facts->>'maritalStatus'`,
  'residence.country': (a) => sql`${a}.facts#>>'{residence,country}'`,
};

// Whole years the way the evaluator counts them (ageOn): a birth date after `date` is −1, where
// PostgreSQL's age() would say 0.
const ageSql = (born: Sql, date: Sql) =>
  sql`(date_part('year', ${date}::date) - date_part('year', (${born})::date) - CASE WHEN to_char(${date}::date, 'MMDD') < to_char((${born})::date, 'MMDD') THEN 1 ELSE 0 END)`;

/** One condition about the person of row `alias`, on the date `date` (an SQL expression of type date). */
export function conditionSql(condition: Condition, alias: string, date: Sql): Sql {
  const a = raw(alias);
  switch (condition.kind) {
    case 'fact': {
      const isIn = sql`coalesce(${FACT_SQL[condition.path](a)} = ANY(${condition.values}::text[]), false)`;
      return condition.op === 'in' ? isIn : sql`NOT ${isIn}`;
    }
    case 'age': {
      if (condition.of !== 'person') throw new Error('conditionSql: a cohort rule has no subject');
      const age = ageSql(sql`${a}.facts->>'birthDate'`, date);
      const parts = [sql`${a}.facts->>'birthDate' IS NOT NULL`];
      if (condition.min !== undefined) parts.push(sql`${age} >= ${condition.min}::int`);
      if (condition.under !== undefined) parts.push(sql`${age} < ${condition.under}::int`);
      return sql`(${join(parts, ' AND ')})`;
    }
    case 'resident_since':
      return sql`(${a}.facts#>>'{residence,country}' = 'EE' AND ${a}.facts#>>'{residence,since}' IS NOT NULL AND ${ageSql(sql`${a}.facts#>>'{residence,since}'`, date)} < ${condition.withinYears}::int)`;
    case 'subject_disability':
      throw new Error('conditionSql: a cohort rule has no subject');
  }
}

export function conditionsSql(rule: Rule, alias: string, date: Sql): Sql {
  if (rule.conditions.length === 0) return raw('true');
  return join(
    rule.conditions.map((c) => conditionSql(c, alias, date)),
    ' AND ',
  );
}

/** The person variables of evaluate.ts's personVars, over row `alias`. */
export function personSqlVars(alias: string): SqlVars {
  const a = raw(alias);
  return {
    personName: { text: sql`${a}.given_name || ' ' || ${a}.family_name` },
    personalCode: { text: sql`${a}.personal_code` },
    birthDate: { date: sql`(${a}.facts->>'birthDate')::date` },
    address: {
      place: sql`CASE WHEN ${a}.facts#>>'{residence,municipality}' IS NOT NULL
        THEN jsonb_build_object('municipality', ${a}.facts#>>'{residence,municipality}')
        ELSE jsonb_build_object('country', coalesce(${a}.facts#>>'{residence,country}', '')) END`,
    },
    bankAccount: { text: sql`coalesce(${a}.facts->>'bankAccount', '')` },
  };
}

/** One variable as the jsonb of evaluate.ts's Var, '' where the register has nothing. */
export const varSql = (v: SqlVar): Sql =>
  'text' in v
    ? sql`jsonb_build_object('text', coalesce(${v.text}, ''))`
    : 'place' in v
      ? sql`jsonb_build_object('place', ${v.place})`
      : sql`jsonb_build_object('date', coalesce(to_char(${v.date}, 'YYYY-MM-DD'), ''))`;

/**
 * The offer's variables (offerVars in evaluate.ts) as a jsonb expression: `{ name: { text } }` or
 * `{ name: { date: 'YYYY-MM-DD' } }`, '' where the register has nothing, as personVars writes them.
 */
export function varsSql(rule: Rule, vars: SqlVars): Sql {
  const items = templateVariables(rule).map((name) => {
    const v = vars[name];
    if (!v) throw new Error(`varsSql: no variable ${name} for a cohort`);
    return sql`${name}::text, ${varSql(v)}`;
  });
  return sql`jsonb_build_object(${join(items, ', ')})`;
}
