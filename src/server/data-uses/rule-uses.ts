import { createHash } from 'node:crypto';
import type { Lang, Localized } from '../../contract/i18n';
import { LANGS } from '../../contract/langs';
import type { Queryable } from '../db/database';
import { raw, type Sql, sql, toQuery } from '../db/sql';
import { templateVariables } from '../rules/evaluate';
import { RULES } from '../rules/index';
import type { Condition, FactPath, Rule } from '../rules/schema';
import { recordChangesSql } from '../sync/changes';
import { categoryName, DATA_CATEGORIES, purposeName, RULE_PURPOSE, registerName } from './catalogue';
import { dataUseJson } from './rows';

/**
 * The app's own use of a person's data: when a rule reads a person's register facts to decide whether
 * to make them an offer, one entry per person and rule (and event) tells which facts it read, from
 * which registers, for which agency's service and under which law — whether or not it led to an offer.
 * The agency is the rule's (the one that makes the offer); the words say Minu riik read the data for it.
 * A person the rule made no offer to was read only for its conditions; one it made an offer to, also
 * for the offer's prefilled details. Re-evaluating the same event records nothing twice.
 */

const FACT_CATEGORY: Record<FactPath, string> = {
  // Sex is read from the personal code.
  sex: 'identity',
  citizenship: 'citizenship',
  'residence.country': 'address',
  maritalStatus: 'maritalStatus',
};

function conditionCategory(c: Condition): string {
  switch (c.kind) {
    case 'fact':
      return FACT_CATEGORY[c.path];
    case 'age':
      return c.of === 'person' ? 'birthDate' : 'family';
    case 'subject_disability':
      return 'disability';
    case 'resident_since':
      return 'address';
  }
}

/** The data each variable of an offer's texts is filled from; null: the event's own, not the person's. */
const VARIABLE_CATEGORY: Record<string, string | null> = {
  eventDate: null,
  personName: 'identity',
  personalCode: 'identity',
  birthDate: 'birthDate',
  pensionDate: 'birthDate',
  address: 'address',
  residentSince: 'address',
  bankAccount: 'bankAccount',
  childName: 'family',
  childBirthDate: 'family',
  childPersonalCode: 'family',
  deceasedName: 'family',
  deathDate: 'family',
  severity: 'disability',
  assessedOn: 'disability',
};

/** The register each category of data comes from; the population register unless said. */
const CATEGORY_REGISTER: Record<string, string> = { bankAccount: 'socialInsurance', disability: 'disability' };

/** The words of one kind of entry, kept once in data_use_texts under `id` (a hash of them). */
interface UseWords {
  id: string;
  /** The first register read (the column `register`); `registerName` names them all. */
  register: string;
  registerName: Localized;
  categories: { code: string; name: Localized }[];
  purpose: Localized;
  legalBasis: Localized;
  legalUrl: string | null;
}

export interface RuleUse {
  rule: Rule;
  /** A person the rule made no offer to: it read the facts its conditions test. */
  read: UseWords;
  /** A person it made an offer to: also the facts the offer is filled with. */
  offered: UseWords;
}

const byLang = (f: (lang: Lang) => string) => Object.fromEntries(LANGS.map((lang) => [lang, f(lang)])) as Localized;

const listIn = (lang: string, items: string[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);

function words(rule: Rule, codes: Set<string>): UseWords {
  const categories = DATA_CATEGORIES.filter((code) => codes.has(code));
  const registers = [...new Set(categories.map((code) => CATEGORY_REGISTER[code] ?? 'population'))];
  const names = registers.map(registerName);
  const content = {
    register: registers[0],
    registerName: byLang((lang) =>
      listIn(
        lang,
        names.map((n) => n[lang]),
      ),
    ),
    categories: categories.map((code) => ({ code, name: categoryName(code) })),
    purpose: purposeName(RULE_PURPOSE),
    legalBasis: rule.legalBasis,
    legalUrl: rule.legalBasisUrl,
  };
  const hex = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return { id, ...content };
}

function describe(rule: Rule): RuleUse {
  const checked = new Set(rule.conditions.map(conditionCategory));
  const filled = templateVariables(rule).map((name) => {
    if (!Object.hasOwn(VARIABLE_CATEGORY, name)) throw new Error(`rule ${rule.id}: no data category for {{${name}}}`);
    return VARIABLE_CATEGORY[name];
  });
  // A rule with no condition on the person's facts still reads who they are to match them.
  if (checked.size === 0) checked.add('identity');
  return {
    rule,
    read: words(rule, checked),
    offered: words(rule, new Set([...checked, ...filled.filter((c) => c !== null)])),
  };
}

// Worded when the server starts: a rule filled from a variable with no category here stops the start.
const described = new Map(RULES.map((rule) => [rule.id, describe(rule)]));

/** What the rule reads, worded once per rule. */
export const ruleUse = (rule: Rule): RuleUse => described.get(rule.id) ?? describe(rule);

/**
 * Writes the shared words of these rules' entries, if not there yet. A cohort does it in a transaction
 * of its own before its slices, which would otherwise wait on each other's new rows.
 */
export async function saveRuleUseWords(tx: Queryable, uses: RuleUse[]): Promise<void> {
  const all = uses.flatMap((u) => [u.read, u.offered]);
  await tx.query(
    `INSERT INTO data_use_texts (id, register_name, categories, purpose, legal_basis, legal_url)
     SELECT (x->>'id')::uuid, x->'registerName', x->'categories', x->'purpose', x->'legalBasis', x->>'legalUrl'
     FROM jsonb_array_elements($1::jsonb) AS x ORDER BY 1
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(all)],
  );
}

const COLUMNS = `person_id, source, agency_id, agency_event_id, rule_id, register, text_id, purpose_code,
  sub_service_id, offer_id, step_id, used_at`;

/**
 * The SELECT list of one entry of rule `use` for person `person` (an SQL expression), linked to the
 * offer `offer` (an alias with id and step_id; its id NULL: no offer).
 */
function entrySql(use: RuleUse, person: Sql, offer: string, eventId: string, at: Date): Sql {
  const { rule, read, offered } = use;
  return sql`${person} AS person_id, 'rule' AS source, ${rule.agencyId}::text AS agency_id,
    ${eventId}::text AS agency_event_id, ${rule.id}::text AS rule_id, ${read.register}::text AS register,
    CASE WHEN ${raw(offer)}.id IS NULL THEN ${read.id}::uuid ELSE ${offered.id}::uuid END AS text_id,
    ${RULE_PURPOSE}::text AS purpose_code, ${rule.subServiceId}::text AS sub_service_id,
    ${raw(offer)}.id AS offer_id, ${raw(offer)}.step_id AS step_id, ${at}::timestamptz AS used_at`;
}

/**
 * The entries of one rule run on an event that names people: one per person it read, linked to the
 * offer it made them on this event if any, each sent to the person's devices. One statement.
 */
export async function recordRuleUses(
  tx: Queryable,
  rule: Rule,
  personIds: string[],
  eventId: string,
  at: Date,
): Promise<number> {
  if (personIds.length === 0) return 0;
  const use = ruleUse(rule);
  await saveRuleUseWords(tx, [use]);
  const statement = sql`WITH made AS (
      INSERT INTO data_uses (${raw(COLUMNS)})
      SELECT ${entrySql(use, raw('c.person_id'), 'o', eventId, at)}
      FROM unnest(${personIds}::uuid[]) AS c (person_id)
      LEFT JOIN LATERAL (
        SELECT id, step_id FROM offers
        WHERE person_id = c.person_id AND rule_id = ${rule.id} AND agency_event_id = ${eventId}
        ORDER BY created_at, id LIMIT 1
      ) o ON true
      ORDER BY c.person_id
      ON CONFLICT (person_id, agency_id, agency_event_id, rule_id) DO NOTHING
      RETURNING *
    ),
    ${raw(
      recordChangesSql(`SELECT m.person_id, 'data_use' AS entity, m.id::text AS entity_id, 'put' AS op,
        ${dataUseJson('m', 't')} AS data, 1 AS rank FROM made m JOIN data_use_texts t ON t.id = m.text_id`),
    )}
    SELECT count(*) AS recorded FROM recorded`;
  const { rows } = await tx.query<{ recorded: string }>(...toQuery(statement));
  return Number(rows[0].recorded);
}

/**
 * A cohort's slice, after its offers: the entries of every rule for each person of `people` (a query
 * yielding `id`), linked to the offer the rule made them on this event, found by its unique key. The
 * devices learn of them through the event's reference in the change log (sync/pull.ts), written here
 * for those no rule made an offer (the offers' statement wrote it for the others), found among the
 * entries just written rather than in the offers, which grow with every slice. One statement.
 */
export async function recordCohortUses(
  tx: Queryable,
  uses: RuleUse[],
  people: Sql,
  eventId: string,
  at: Date,
): Promise<number> {
  const selects = uses.map(
    (use) => sql`SELECT ${entrySql(use, raw('p.id'), 'o', eventId, at)} FROM (${people}) p
      LEFT JOIN LATERAL (
        SELECT id, step_id FROM offers WHERE person_id = p.id AND sub_service_id = ${use.rule.subServiceId}
          AND subject_key = '' AND agency_event_id = ${eventId}
      ) o ON true`,
  );
  const union = selects.reduce((all, s, i) => (i === 0 ? s : sql`${all} UNION ALL ${s}`));
  const statement = sql`WITH used AS (
      INSERT INTO data_uses (${raw(COLUMNS)})
      SELECT * FROM (${union}) e ORDER BY e.person_id
      ON CONFLICT (person_id, agency_id, agency_event_id, rule_id) DO NOTHING
      RETURNING person_id, agency_event_id, offer_id
    ),
    ${raw(
      recordChangesSql(`SELECT u.person_id, 'agency_event' AS entity, u.agency_event_id AS entity_id,
        'put' AS op, NULL::jsonb AS data, 2 AS rank
      FROM used u GROUP BY u.person_id, u.agency_event_id HAVING bool_and(u.offer_id IS NULL)`),
    )}
    SELECT (SELECT count(*) FROM used) AS recorded, (SELECT count(*) FROM recorded) AS referenced`;
  const { rows } = await tx.query<{ recorded: string }>(...toQuery(statement));
  return Number(rows[0].recorded);
}
