import { templateVariables } from './evaluate';
import type { Condition, Rule } from './schema';

/**
 * Rules compiled to SQL, for cohorts: the same conditions and offer variables as evaluate.ts, as
 * expressions over a row with `facts`, `given_name`, `family_name` and `personal_code`. Values go in
 * as parameters through `param`, never into the text.
 */

export type Param = (value: unknown) => string;

/** A variable as SQL: an expression of type text, or of type date (written per language). */
export type SqlVar = { text: string } | { date: string };
export type SqlVars = Record<string, SqlVar>;

const FACT_SQL: Record<string, (a: string) => string> = {
  sex: (a) => `${a}.facts->>'sex'`,
  citizenship: (a) => `${a}.facts->>'citizenship'`,
  maritalStatus: (a) => `${a}.facts->>'maritalStatus'`,
  'residence.country': (a) => `${a}.facts#>>'{residence,country}'`,
};

const ageSql = (born: string, date: string) => `date_part('year', age(${date}::date, (${born})::date))`;

/** One condition about the person of row `a`, on the date `date` (an SQL expression of type date). */
export function conditionSql(condition: Condition, a: string, date: string, param: Param): string {
  switch (condition.kind) {
    case 'fact': {
      const isIn = `coalesce(${FACT_SQL[condition.path](a)} = ANY(${param(condition.values)}::text[]), false)`;
      return condition.op === 'in' ? isIn : `NOT ${isIn}`;
    }
    case 'age': {
      if (condition.of !== 'person') throw new Error('conditionSql: a cohort rule has no subject');
      const age = ageSql(`${a}.facts->>'birthDate'`, date);
      const parts = [`${a}.facts->>'birthDate' IS NOT NULL`];
      if (condition.min !== undefined) parts.push(`${age} >= ${param(condition.min)}::int`);
      if (condition.under !== undefined) parts.push(`${age} < ${param(condition.under)}::int`);
      return `(${parts.join(' AND ')})`;
    }
    case 'resident_since':
      return `(${a}.facts#>>'{residence,country}' = 'EE' AND ${a}.facts#>>'{residence,since}' IS NOT NULL AND ${ageSql(`${a}.facts#>>'{residence,since}'`, date)} < ${param(condition.withinYears)}::int)`;
    case 'subject_disability':
      throw new Error('conditionSql: a cohort rule has no subject');
  }
}

export function conditionsSql(rule: Rule, a: string, date: string, param: Param): string {
  return rule.conditions.map((c) => conditionSql(c, a, date, param)).join(' AND ') || 'true';
}

/** The person variables of evaluate.ts's personVars, over row `a`. */
export function personSqlVars(a: string): SqlVars {
  return {
    personName: { text: `${a}.given_name || ' ' || ${a}.family_name` },
    personalCode: { text: `${a}.personal_code` },
    birthDate: { date: `(${a}.facts->>'birthDate')::date` },
    address: { text: `coalesce(${a}.facts#>>'{residence,municipality}', ${a}.facts#>>'{residence,country}', '')` },
    bankAccount: { text: `coalesce(${a}.facts->>'bankAccount', '')` },
  };
}

/**
 * The offer's variables (offerVars in evaluate.ts) as a jsonb expression: `{ name: { text } }` or
 * `{ name: { date: 'YYYY-MM-DD' } }`, '' where the register has nothing, as personVars writes them.
 */
export function varsSql(rule: Rule, vars: SqlVars, param: Param): string {
  const items = templateVariables(rule).map((name) => {
    const v = vars[name];
    if (!v) throw new Error(`varsSql: no variable ${name} for a cohort`);
    const value =
      'text' in v
        ? `jsonb_build_object('text', coalesce(${v.text}, ''))`
        : `jsonb_build_object('date', coalesce(to_char(${v.date}, 'YYYY-MM-DD'), ''))`;
    return `${param(name)}::text, ${value}`;
  });
  return `jsonb_build_object(${items.join(', ')})`;
}
