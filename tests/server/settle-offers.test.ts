import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePersonalCode } from '../../src/contract/isikukood';
import { OfferRow } from '../../src/contract/offers';
import { receiveAgencyEvent } from '../../src/server/agency/events';
import { agencyEventHandlers } from '../../src/server/agency/handlers';
import { createAgencyKey } from '../../src/server/agency/keys';
import type { Database } from '../../src/server/db/database';
import { settleDueOffers } from '../../src/server/offers/settle';
import { pullChanges } from '../../src/server/sync/pull';
import { openTestDatabase } from './db';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const DAYS = 10;
const PER_DAY = 200;
const BORN_FROM = '1961-07-01';
const BORN_TO = '1961-07-10';

/** A cohort of DAYS × PER_DAY married people born in July 1961, each with a consent offer of old-age pension. */
async function cohortWithOffers(): Promise<number> {
  const people = [];
  for (let day = 1; day <= DAYS; day++) {
    const birthDate = `1961-07-${String(day).padStart(2, '0')}`;
    for (let serial = 0; serial < PER_DAY; serial++) {
      people.push({
        code: makePersonalCode(birthDate, serial % 2 ? 'male' : 'female', serial),
        facts: {
          birthDate,
          sex: serial % 2 ? 'male' : 'female',
          residence: { country: 'EE', municipality: 'Tartu' },
          maritalStatus: 'married',
        },
      });
    }
  }
  await db.query(
    `INSERT INTO persons (personal_code, given_name, family_name, facts)
     SELECT x.code, 'Kohort', 'Test', x.facts FROM jsonb_to_recordset($1::jsonb) AS x (code text, facts jsonb)`,
    [JSON.stringify(people)],
  );
  const key = await createAgencyKey(db, 'ska', { scopes: ['pension.age_approaching'] });
  await receiveAgencyEvent(
    db,
    agencyEventHandlers,
    { id: key.id, agencyId: 'ska', scopes: ['pension.age_approaching'] },
    {
      id: 'cohort-july-1961',
      type: 'pension.age_approaching',
      occurredAt: new Date().toISOString(),
      cohort: { bornFrom: BORN_FROM, bornTo: BORN_TO },
      pensionAge: { years: 65, months: 0 },
    },
  );
  return people.length;
}

const cohortOffers = `FROM offers o JOIN persons p ON p.id = o.person_id
  WHERE p.facts->>'birthDate' BETWEEN '${BORN_FROM}' AND '${BORN_TO}'`;

describe('settling a cohort of due offers', () => {
  it('lets 2,000 consent offers lapse in one run, with their notices read and one change-log reference each', async () => {
    const people = await cohortWithOffers();
    const { rows: made } = await db.query<{ kind: string; n: number }>(
      `SELECT o.kind, count(*)::int AS n ${cohortOffers} GROUP BY o.kind ORDER BY o.kind`,
    );
    expect(made).toEqual([{ kind: 'consent', n: people }]);
    const { rows: before } = await db.query<{ person_id: string; seq: string }>(
      `SELECT c.person_id, c.seq FROM person_changes c JOIN persons p ON p.id = c.person_id
       WHERE c.entity = 'agency_event' AND c.entity_id = 'cohort-july-1961'`,
    );
    expect(before).toHaveLength(people);
    // A duty of one of them is due too: a duty stands after its deadline.
    const { rows: duty } = await db.query<{ id: string }>(
      `INSERT INTO offers (person_id, rule_id, sub_service_id, subject_key, kind, declinable, deadline, vars)
       VALUES ($1, 'pension-old-age-offer', 'pension-old-age-offer', 'duty', 'duty', false, current_date - 5, '{}')
       RETURNING id`,
      [before[0].person_id],
    );
    await db.query(`UPDATE offers o SET deadline = current_date - 2 FROM persons p
      WHERE p.id = o.person_id AND p.facts->>'birthDate' BETWEEN '${BORN_FROM}' AND '${BORN_TO}' AND o.kind <> 'duty'`);

    expect(await settleDueOffers(db)).toBe(people);

    const { rows: after } = await db.query<{ status: string; n: number; unread: number; steps: number; cases: number }>(
      `SELECT o.status, count(*)::int AS n,
         (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM notifications n WHERE n.link = '/offers/' || o.id AND n.read_at IS NULL)))::int AS unread,
         count(o.step_id)::int AS steps, (SELECT count(*)::int FROM cases c JOIN persons p ON p.id = c.person_id
           WHERE p.facts->>'birthDate' BETWEEN '${BORN_FROM}' AND '${BORN_TO}') AS cases
       ${cohortOffers} AND o.kind <> 'duty' GROUP BY o.status`,
    );
    expect(after).toEqual([{ status: 'expired', n: people, unread: 0, steps: 0, cases: 0 }]);
    const { rows: dutyNow } = await db.query<{ status: string }>('SELECT status FROM offers WHERE id = $1', [
      duty[0].id,
    ]);
    expect(dutyNow[0].status).toBe('pending');

    // Each person's reference to the event moved up their change log, past everything they had.
    const { rows: moved } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM person_changes c JOIN jsonb_to_recordset($1::jsonb) AS b (person_id uuid, seq bigint)
         ON b.person_id = c.person_id
       WHERE c.entity = 'agency_event' AND c.entity_id = 'cohort-july-1961' AND c.seq > b.seq
         AND c.seq = (SELECT change_seq FROM person_clocks k WHERE k.person_id = c.person_id)`,
      [JSON.stringify(before)],
    );
    expect(moved[0].n).toBe(people);

    // A client that synced before the run gets the lapsed offer and the read notice from its cursor.
    const page = await pullChanges(db, before[1].person_id, Number(before[1].seq), 10_000);
    const offer = page.changes.flatMap((c) => (c.entity === 'offer' && c.op === 'put' ? [OfferRow.parse(c.data)] : []));
    expect(offer.map((o) => o.status)).toEqual(['expired']);
    const notices = page.changes.filter((c) => c.entity === 'notification');
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) expect(n.op === 'put' && n.data.readAt).toBeTruthy();

    // Running it again (or in a second process at once) settles nothing twice.
    expect(await Promise.all([settleDueOffers(db), settleDueOffers(db)])).toEqual([0, 0]);
  });

  it('settles each due offer once when two runs go at once', async () => {
    const { rows } = await db.query<{ id: string }>(
      `UPDATE offers o SET status = 'pending', decided_at = NULL FROM persons p
       WHERE p.id = o.person_id AND p.facts->>'birthDate' BETWEEN '${BORN_FROM}' AND '${BORN_TO}' AND o.kind = 'consent'
       RETURNING o.id`,
    );
    const [a, b] = await Promise.all([settleDueOffers(db), settleDueOffers(db)]);
    expect(a + b).toBe(rows.length);
    const { rows: left } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n ${cohortOffers} AND o.status = 'pending' AND o.kind <> 'duty'`,
    );
    expect(left[0].n).toBe(0);
  });

  it('grants due automatic offers slice after slice in one run, each with its case opened and its step completed', async () => {
    const { rows } = await db.query<{ id: string }>(
      `UPDATE offers SET kind = 'automatic', status = 'pending', decided_at = NULL
       WHERE id IN (SELECT o.id ${cohortOffers} AND o.kind = 'consent' ORDER BY o.id LIMIT 5) RETURNING id`,
    );
    expect(await settleDueOffers(db, new Date(), { slice: 2 })).toBe(5);
    const { rows: granted } = await db.query<{ status: string; step: string; cases: number }>(
      `SELECT o.status, s.status AS step, (SELECT count(*)::int FROM cases c WHERE c.id = o.case_id) AS cases
       FROM offers o JOIN steps s ON s.id = o.step_id WHERE o.id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    expect(granted).toEqual(Array(5).fill({ status: 'granted', step: 'completed', cases: 1 }));
  });

  // Larger on PostgreSQL; bench:settle prints the figure for 100,000.
  const COHORT = process.env.DATABASE_URL ? 6_000 : 3_000;
  it(`grants a whole automatic cohort of ${COHORT.toLocaleString('en')} people in one run, slice after slice`, async () => {
    await db.query(
      `INSERT INTO persons (personal_code, given_name, family_name, facts)
       SELECT (33000000000 + i)::text, 'Yksi', 'Test', jsonb_build_object('birthDate', '1962-02-14', 'sex', 'female',
         'residence', jsonb_build_object('country', 'EE', 'municipality', 'Tartu'), 'maritalStatus', 'single')
       FROM generate_series(1, $1::int) AS i`,
      [COHORT],
    );
    const key = await createAgencyKey(db, 'ska', { scopes: ['pension.age_approaching'] });
    await receiveAgencyEvent(
      db,
      agencyEventHandlers,
      { id: key.id, agencyId: 'ska', scopes: ['pension.age_approaching'] },
      {
        id: 'cohort-february-1962',
        type: 'pension.age_approaching',
        occurredAt: new Date().toISOString(),
        cohort: { bornFrom: '1962-02-14', bornTo: '1962-02-14' },
        pensionAge: { years: 65, months: 0 },
      },
    );
    await db.query(`UPDATE offers SET deadline = current_date - 1 WHERE agency_event_id = 'cohort-february-1962'`);

    expect(await settleDueOffers(db)).toBe(2 * COHORT);

    const { rows } = await db.query<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE o.kind = 'automatic' AND o.status = 'granted' AND s.status = 'completed')::int AS granted,
         count(*) FILTER (WHERE o.kind = 'consent' AND o.status = 'expired')::int AS lapsed,
         count(DISTINCT o.case_id)::int AS cases,
         (SELECT count(*)::int FROM feedback_requests f JOIN persons p ON p.id = f.person_id WHERE p.given_name = 'Yksi') AS asked,
         (SELECT count(*)::int FROM notifications n JOIN persons p ON p.id = n.person_id
           WHERE p.given_name = 'Yksi' AND n.topic = 'status') AS told,
         (SELECT count(*)::int FROM notifications n JOIN persons p ON p.id = n.person_id
           WHERE p.given_name = 'Yksi' AND n.topic = 'offer' AND n.read_at IS NULL) AS unread
       FROM offers o LEFT JOIN steps s ON s.id = o.step_id WHERE o.agency_event_id = 'cohort-february-1962'`,
    );
    expect(rows[0]).toEqual({ granted: COHORT, lapsed: COHORT, cases: COHORT, asked: COHORT, told: COHORT, unread: 0 });
  });
});
