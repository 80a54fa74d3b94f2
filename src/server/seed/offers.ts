import { addToDate, tallinnDate } from '../../contract/dates';
import type { Database, Queryable } from '../db/database';
import { applyDecisions } from '../offers/engine';
import { rulesFor } from '../rules';
import { type Concerned, evaluateRule, type RuleEvent } from '../rules/evaluate';
import { readFacts } from '../rules/facts';
import type { Role } from '../rules/schema';

/**
 * The demo people's offers, made as a register event would make them (the same rules, decisions and
 * writers), from their facts. Safe at every start: an offer is made once per person, sub-service and
 * subject, and a step that is final already (a service given) gets none.
 */

const KADRI = '24304142717';
const MARTIN = '14102275188';
const AIVAR = '11202193427';
const OKSANA = '23906036155';
const DANIIL = '10805072234';
const MARET = '23409254568';

interface Row {
  id: string;
  personal_code: string;
  given_name: string;
  family_name: string;
  facts: unknown;
}

async function person(tx: Queryable, code: string, role: Role): Promise<Concerned | null> {
  const { rows } = await tx.query<Row>(
    'SELECT id, personal_code, given_name, family_name, facts FROM persons WHERE personal_code = $1 FOR NO KEY UPDATE',
    [code],
  );
  const p = rows[0];
  if (!p) return null;
  return {
    personId: p.id,
    role,
    givenName: p.given_name,
    familyName: p.family_name,
    personalCode: p.personal_code,
    facts: readFacts(p.facts),
  };
}

async function run(tx: Queryable, event: RuleEvent, now: Date) {
  for (const rule of rulesFor(event.type)) {
    await applyDecisions(tx, evaluateRule(rule, event), { eventId: null, now });
  }
}

export async function seedDemoOffers(db: Database, now = new Date()): Promise<void> {
  const today = tallinnDate(now);
  // Having a child: Marta. Both parents may share the parental benefit: each gets the offer.
  await db.transaction(async (tx) => {
    const parents = [await person(tx, KADRI, 'parent'), await person(tx, MARTIN, 'parent')].filter(
      (p): p is Concerned => p !== null,
    );
    const marta = parents[0]?.facts.children?.[0];
    if (!marta) return;
    const subjects = [
      {
        personalCode: marta.personalCode,
        name: `${marta.givenName} ${parents[0].familyName}`,
        birthDate: marta.birthDate,
      },
    ];
    await run(
      tx,
      {
        type: 'population.birth_registered',
        date: marta.birthDate,
        concerned: parents,
        subjects,
        caseSubject: subjects[0].name,
      },
      now,
    );
  });
  // Retirement: Aivar reaches pension age 65.
  await db.transaction(async (tx) => {
    const aivar = await person(tx, AIVAR, 'person');
    if (!aivar?.facts.birthDate) return;
    const pensionDate = addToDate(aivar.facts.birthDate, 65);
    await run(
      tx,
      {
        type: 'pension.age_approaching',
        date: today,
        concerned: [aivar],
        subjects: [],
        vars: { pensionDate: { date: pensionDate } },
      },
      now,
    );
  });
  // Death of a close one: Maret's husband Toomas; their son Oskar is under 18.
  await db.transaction(async (tx) => {
    const maret = await person(tx, MARET, 'spouse');
    const oskar = maret?.facts.children?.[0];
    if (!maret || !oskar) return;
    const { rows } = await tx.query<{ started: string }>(
      `SELECT to_char(started_at, 'YYYY-MM-DD') AS started FROM cases
       WHERE person_id = $1 AND event_service_id = 'death-of-close-one' ORDER BY started_at DESC LIMIT 1`,
      [maret.personId],
    );
    const diedOn = rows[0]?.started ?? today;
    await run(
      tx,
      {
        type: 'population.death_registered',
        date: diedOn,
        concerned: [maret],
        subjects: [
          {
            personalCode: oskar.personalCode,
            name: `${oskar.givenName} ${maret.familyName}`,
            birthDate: oskar.birthDate,
          },
        ],
        vars: { deceasedName: { text: `Toomas ${maret.familyName}` }, deathDate: { date: diedOn } },
        caseSubject: `Toomas ${maret.familyName}`,
      },
      now,
    );
  });
  // Settling in Estonia: Oksana, here since August 2026.
  await db.transaction(async (tx) => {
    const oksana = await person(tx, OKSANA, 'person');
    const since = oksana?.facts.residence?.since;
    if (!oksana || !since) return;
    await run(
      tx,
      {
        type: 'population.residence_registered',
        date: since,
        concerned: [oksana],
        subjects: [],
        vars: { residentSince: { date: since } },
      },
      now,
    );
  });
  // Defence service: Daniil is 18.
  await db.transaction(async (tx) => {
    const daniil = await person(tx, DANIIL, 'person');
    if (!daniil) return;
    await run(tx, { type: 'defence.call_up_age_reached', date: today, concerned: [daniil], subjects: [] }, now);
  });
}
