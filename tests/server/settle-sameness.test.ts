import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallinnDate } from '../../src/contract/dates';
import { makePersonalCode } from '../../src/contract/isikukood';
import { receiveAgencyEvent } from '../../src/server/agency/events';
import { agencyEventHandlers } from '../../src/server/agency/handlers';
import { createAgencyKey } from '../../src/server/agency/keys';
import { openCase } from '../../src/server/cases/store';
import type { Database } from '../../src/server/db/database';
import { settleOffer } from '../../src/server/offers/decisions';
import { settleDueOffers } from '../../src/server/offers/settle';
import { pullChanges } from '../../src/server/sync/pull';
import { openTestDatabase } from './db';

/**
 * The set-based run (settle.ts) against the one-offer statement of settling (decisions.ts, settleOffer),
 * on two databases with the same mixed set of due offers: what every client ends up with, by a full sync
 * and by a sync from its cursor before the run, and the pushes queued, must be the same.
 */

const PEOPLE = 24;
const code = (i: number) => makePersonalCode('1961-08-15', i % 2 ? 'male' : 'female', i);

/**
 * A cohort of retirement offers (single people get an automatic one too), ten of whom had the life event
 * open already, plus offers alone: automatic ones of a child's allowance that open a case (two subjects for
 * one person), two offers on one step, a step settled already, a case on its last open step, a person with a
 * device, a person who opted out of feedback, a due duty.
 */
async function mixedSet(db: Database): Promise<void> {
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    code: code(i),
    facts: {
      birthDate: '1961-08-15',
      sex: i % 2 ? 'male' : 'female',
      residence: { country: 'EE', municipality: 'Tartu' },
      maritalStatus: i < 16 ? 'single' : 'married',
    },
  }));
  await db.query(
    `INSERT INTO persons (personal_code, given_name, family_name, facts)
     SELECT x.code, 'Sama', 'Test', x.facts FROM jsonb_to_recordset($1::jsonb) AS x (code text, facts jsonb)`,
    [JSON.stringify(people)],
  );
  const id = async (i: number) =>
    (await db.query<{ id: string }>('SELECT id FROM persons WHERE personal_code = $1', [code(i)])).rows[0].id;
  for (let i = 0; i < 10; i++) {
    const pid = await id(i);
    await db.transaction((tx) => openCase(tx, pid, { eventServiceId: 'retirement', startedAt: new Date() }));
  }
  const key = await createAgencyKey(db, 'ska', { scopes: ['pension.age_approaching'] });
  await receiveAgencyEvent(
    db,
    agencyEventHandlers,
    { id: key.id, agencyId: 'ska', scopes: ['pension.age_approaching'] },
    {
      id: 'cohort-august-1961',
      type: 'pension.age_approaching',
      occurredAt: new Date().toISOString(),
      cohort: { bornFrom: '1961-08-15', bornTo: '1961-08-15' },
      pensionAge: { years: 65, months: 0 },
    },
  );
  const alone = async (i: number, rule: string, kind: string, subject: string | null, stepOf?: string) =>
    db.query(
      `INSERT INTO offers (person_id, rule_id, sub_service_id, subject_name, subject_key, kind, declinable, deadline, vars,
         case_id, step_id)
       SELECT $1, $2, $2, $3, coalesce($3, 'alone'), $4, $4 <> 'duty', current_date - 2, '{}', s.case_id, s.id
       FROM (SELECT NULL) x LEFT JOIN steps s ON s.person_id = $1 AND s.sub_service_id = $5`,
      [await id(i), rule, subject, kind, stepOf ?? null],
    );
  await alone(10, 'child-allowance', 'automatic', 'Mari');
  await alone(11, 'child-allowance', 'automatic', null);
  await alone(12, 'child-allowance', 'automatic', 'Mari');
  await alone(12, 'child-birth-allowance', 'automatic', 'Jaan');
  await alone(6, 'pension-old-age-offer', 'duty', null);
  // Two offers on person 4's step of the living-alone allowance: the earlier, a consent one, decides it.
  await alone(4, 'pension-living-alone-allowance', 'consent', 'early', 'pension-living-alone-allowance');
  await db.query(`UPDATE offers SET deadline = current_date - 3 WHERE subject_key = 'early'`);
  // One not due on person 5's: it goes with the step the due one moves.
  await alone(5, 'pension-living-alone-allowance', 'consent', 'later', 'pension-living-alone-allowance');
  await db.query(`UPDATE offers SET deadline = current_date + 5 WHERE subject_key = 'later'`);
  // Person 2's case is on its last open steps; person 3's old-age step was settled another way.
  await db.query(
    `UPDATE steps SET status = 'not_applicable' WHERE person_id = $1
       AND sub_service_id NOT IN ('pension-living-alone-allowance', 'pension-old-age-offer')`,
    [await id(2)],
  );
  await db.query(
    `UPDATE steps SET status = 'completed' WHERE person_id = $1 AND sub_service_id = 'pension-old-age-offer'`,
    [await id(3)],
  );
  for (const i of [0, 10]) {
    await db.query(
      `INSERT INTO push_subscriptions (person_id, endpoint, p256dh, auth, vapid_public_key)
       VALUES ($1, $2, 'p', 'a', 'v')`,
      [await id(i), `https://push.example/${i}`],
    );
  }
  await db.query(
    `INSERT INTO feedback_opt_outs (person_id, sub_service_id) VALUES ($1, 'pension-living-alone-allowance')`,
    [await id(1)],
  );
  await db.query(
    `UPDATE offers SET deadline = current_date - 2 WHERE agency_event_id = 'cohort-august-1961' AND kind <> 'duty'`,
  );
}

/** Labels for every id a client row may hold, made of what the two databases share (not the ids). */
async function labels(db: Database): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; label: string }>(
    `SELECT p.id::text, 'person:' || p.personal_code AS label FROM persons p
     UNION ALL SELECT o.id::text, concat_ws(':', 'offer', p.personal_code, o.sub_service_id, o.subject_key)
       FROM offers o JOIN persons p ON p.id = o.person_id
     UNION ALL SELECT c.id::text, concat_ws(':', 'case', p.personal_code, c.event_service_id, c.subject_name)
       FROM cases c JOIN persons p ON p.id = c.person_id
     UNION ALL SELECT s.id::text, concat_ws(':', 'step', p.personal_code, c.event_service_id, c.subject_name, s.sub_service_id)
       FROM steps s JOIN cases c ON c.id = s.case_id JOIN persons p ON p.id = s.person_id
     UNION ALL SELECT f.id::text, concat_ws(':', 'feedback', p.personal_code, f.sub_service_id)
       FROM feedback_requests f JOIN persons p ON p.id = f.person_id`,
  );
  const map = new Map(rows.map((r) => [r.id, r.label]));
  // A notification by its person, topic, title and where it leads (labelled), and its rank among the same.
  const { rows: notices } = await db.query<{ id: string; person: string; topic: string; title: string; link: string }>(
    `SELECT n.id::text, p.personal_code AS person, n.topic, coalesce(n.title, x.title)->>'en' AS title, n.link
     FROM notifications n JOIN persons p ON p.id = n.person_id LEFT JOIN notification_texts x ON x.id = n.text_id
     ORDER BY n.created_at, n.id`,
  );
  const seen = new Map<string, number>();
  for (const n of notices) {
    const base = `notice:${n.person}:${n.topic}:${n.title}:${relabel(n.link, map)}`;
    seen.set(base, (seen.get(base) ?? 0) + 1);
    map.set(n.id, `${base}:${seen.get(base)}`);
  }
  return map;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const relabel = (s: string | null, map: Map<string, string>) => s?.replace(UUID, (id) => map.get(id) ?? 'unknown');

/** A client row with ids as labels and instants as whole minutes from `now` (one run reads the clock, the other `now`). */
function canonical(value: unknown, map: Map<string, string>, now: Date): unknown {
  if (typeof value === 'string') {
    if (INSTANT.test(value)) return `now${Math.round((Date.parse(value) - now.getTime()) / 60_000)}m`;
    return relabel(value, map);
  }
  if (Array.isArray(value)) return value.map((v) => canonical(v, map, now));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v, map, now)]));
  return value;
}

type ClientState = Map<string, unknown>;

/** What the person's client holds after syncing from `after` on top of `base`. */
async function syncedState(db: Database, personId: string, after: number, base: ClientState): Promise<ClientState> {
  const state = new Map(base);
  const page = await pullChanges(db, personId, after, 100_000);
  for (const c of page.changes) {
    if (c.op === 'put') state.set(`${c.entity}:${c.id}`, c.data);
    else state.delete(`${c.entity}:${c.id}`);
  }
  return state;
}

interface World {
  clients: Record<string, unknown>;
  pushes: { receiver: string; notification: string }[];
}

async function settleAndLook(db: Database, settle: (now: Date) => Promise<unknown>): Promise<World> {
  const { rows: people } = await db.query<{ id: string; code: string; seq: number }>(
    `SELECT p.id, p.personal_code AS code, coalesce(k.change_seq, 0)::int AS seq
     FROM persons p LEFT JOIN person_clocks k ON k.person_id = p.id WHERE p.given_name = 'Sama' ORDER BY p.personal_code`,
  );
  const before = new Map<string, ClientState>();
  for (const p of people) before.set(p.id, await syncedState(db, p.id, 0, new Map()));
  const now = new Date();
  await settle(now);
  const map = await labels(db);
  const clients: Record<string, unknown> = {};
  for (const p of people) {
    const full = await syncedState(db, p.id, 0, new Map());
    const caughtUp = await syncedState(db, p.id, p.seq, before.get(p.id)!);
    // Sorted whole: rows with no label of their own (data-use entries) share a key, so their order must not count.
    const sorted = (s: ClientState) =>
      [...s]
        .map(([k, v]) => JSON.stringify([relabel(k, map), canonical(v, map, now)]))
        .sort()
        .map((row) => JSON.parse(row));
    // A client that synced before the run ends where a fresh one does.
    expect(sorted(caughtUp)).toEqual(sorted(full));
    clients[p.code] = sorted(full);
  }
  const { rows: pushes } = await db.query<{ receiver: string; notification: string }>(
    `SELECT p.personal_code AS receiver, d.notification_id::text AS notification FROM push_deliveries d
     JOIN push_subscriptions s ON s.id = d.subscription_id JOIN persons p ON p.id = s.person_id`,
  );
  return {
    clients,
    pushes: pushes
      .map((p) => ({ receiver: p.receiver, notification: map.get(p.notification)! }))
      .sort((a, b) => `${a.receiver}${a.notification}`.localeCompare(`${b.receiver}${b.notification}`)),
  };
}

/** The one-offer way: each due offer in a transaction of its own, in the order the run claims them. */
async function settleOneByOne(db: Database, now: Date): Promise<number> {
  const { rows } = await db.query<{ id: string; person_id: string }>(
    `SELECT id, person_id FROM offers WHERE status = 'pending' AND kind <> 'duty' AND deadline < $1::date
     ORDER BY deadline, id`,
    [tallinnDate(now)],
  );
  let settled = 0;
  for (const o of rows) settled += Number(await db.transaction((tx) => settleOffer(tx, o.person_id, o.id, now)));
  return settled;
}

// The whole set in one slice, and in slices of three (a person's offers, and two offers on one step, apart).
describe.each([2_000, 3])('set-based settling in slices of %i', (slice) => {
  let setBased: Database;
  let oneByOne: Database;
  beforeAll(async () => {
    [setBased, oneByOne] = await Promise.all([openTestDatabase(), openTestDatabase()]);
  });
  afterAll(() => Promise.all([setBased.close(), oneByOne.close()]));

  it('has the effects of settling each offer alone', async () => {
    await Promise.all([mixedSet(setBased), mixedSet(oneByOne)]);
    const [a, b] = [
      await settleAndLook(setBased, (now) => settleDueOffers(setBased, now, { slice })),
      await settleAndLook(oneByOne, (now) => settleOneByOne(oneByOne, now)),
    ];
    expect(a).toEqual(b);

    // The set covers what it is meant to (so the comparison is not of two empty worlds).
    const { rows } = await setBased.query<{ status: string; kind: string; n: number }>(
      `SELECT o.status, o.kind, count(*)::int AS n FROM offers o JOIN persons p ON p.id = o.person_id
       WHERE p.given_name = 'Sama' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { status: 'expired', kind: 'automatic', n: 1 }, // person 4's, its step declined by the earlier consent offer
      { status: 'expired', kind: 'consent', n: PEOPLE + 1 },
      { status: 'granted', kind: 'automatic', n: 16 - 1 + 4 },
      { status: 'granted', kind: 'consent', n: 1 }, // person 5's, not due, went with its step
      { status: 'pending', kind: 'duty', n: 1 },
    ]);
    const { rows: counts } = await setBased.query<{
      completed: number;
      cases: number;
      feedback: number;
      pushes: number;
    }>(
      `SELECT (SELECT count(*)::int FROM cases c JOIN persons p ON p.id = c.person_id
                 WHERE p.given_name = 'Sama' AND c.state = 'completed') AS completed,
              (SELECT count(*)::int FROM cases c JOIN persons p ON p.id = c.person_id WHERE p.given_name = 'Sama') AS cases,
              (SELECT count(*)::int FROM feedback_requests f JOIN persons p ON p.id = f.person_id
                 WHERE p.given_name = 'Sama') AS feedback,
              (SELECT count(*)::int FROM push_deliveries d JOIN push_subscriptions s ON s.id = d.subscription_id
                 JOIN persons p ON p.id = s.person_id WHERE p.given_name = 'Sama') AS pushes`,
    );
    // Completed: the living-alone steps but person 4's (person 1 opted out of its feedback), and the four
    // children's allowances; person 0 and person 10 have a device, each with a step moved.
    expect(counts[0]).toEqual({ completed: 1, cases: 16 + 4, feedback: 15 - 1 + 4, pushes: expect.any(Number) });
    expect(counts[0].pushes).toBeGreaterThanOrEqual(2);
  });
});
