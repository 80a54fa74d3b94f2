import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgencyEventResponse } from '../../src/contract/agency-events';
import { StepRow } from '../../src/contract/cases';
import { makePersonalCode } from '../../src/contract/isikukood';
import { createAgencyKey, revokeAgencyKey } from '../../src/server/agency/keys';
import { openCase } from '../../src/server/cases/store';
import type { Database } from '../../src/server/db/database';
import { testApp } from './app';
import { openTestDatabase } from './db';
import { personId } from './person-harness';

const KADRI = '24304142717';
const MARTIN = '14102275188';
const NOBODY = makePersonalCode('1980-01-01', 'male', 7); // a valid personal code nobody in the database has
const reason = {
  et: 'Vanemahüvitis on määratud.',
  en: 'The parental benefit has been granted.',
  ru: 'Родительское пособие назначено.',
  uk: 'Батьківську допомогу призначено.',
};

let db: Database;
let app: ReturnType<typeof testApp>;
let ska: string;
let tervisekassa: string;
let skaOtherEvents: string;
let revoked: string;
let seq = 0;

beforeAll(async () => {
  db = await openTestDatabase();
  app = testApp(db);
  ska = (await createAgencyKey(db, 'ska', { label: 'test', scopes: ['service.status_changed'] })).key;
  tervisekassa = (await createAgencyKey(db, 'tervisekassa', { scopes: ['service.status_changed'] })).key;
  skaOtherEvents = (await createAgencyKey(db, 'ska', { scopes: ['population.birth_registered'] })).key;
  const r = await createAgencyKey(db, 'ska', { scopes: ['service.status_changed'] });
  await revokeAgencyKey(db, r.id);
  revoked = r.key;
});
afterAll(() => db.close());

function event(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    id: `test-${seq}`,
    type: 'service.status_changed',
    occurredAt: new Date().toISOString(),
    personalCode: KADRI,
    subServiceId: 'child-parental-benefit',
    status: 'in_progress',
    reason,
    ...overrides,
  };
}

async function post(key: string | null, body: unknown) {
  const res = await app.request('/api/agency/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, never>, headers: res.headers };
}

/** Row counts of every table an event writes to: a refused event must leave them all as they were. */
async function counts() {
  const { rows } = await db.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM step_history) AS history, (SELECT count(*) FROM agency_events) AS events,
            (SELECT count(*) FROM person_changes) AS changes, (SELECT sum(change_seq) FROM person_clocks) AS seq,
            (SELECT count(*) FROM cases) AS cases,
            (SELECT string_agg(status || coalesce(due_date::text, ''), ',' ORDER BY id) FROM steps) AS steps`,
  );
  return rows[0];
}

async function stepOf(code: string, subServiceId: string) {
  const { rows } = await db.query<{ id: string }>(
    `SELECT s.id FROM steps s JOIN persons p ON p.id = s.person_id WHERE p.personal_code = $1 AND s.sub_service_id = $2`,
    [code, subServiceId],
  );
  const { rows: changes } = await db.query<{ data: unknown; seq: string }>(
    `SELECT data, seq FROM person_changes WHERE entity = 'step' AND entity_id = $1`,
    [rows[0].id],
  );
  return { id: rows[0].id, row: StepRow.parse(changes[0].data), seq: Number(changes[0].seq) };
}

describe('POST /api/agency/events: service.status_changed', () => {
  it('moves the step, adds a history entry and puts the new step in the change log', async () => {
    const before = await stepOf(KADRI, 'child-parental-benefit');
    expect(before.row.status).toBe('action_needed');
    const sent = event({ status: 'completed' });
    const res = await post(ska, sent);
    expect(res.status).toBe(200);
    const body = AgencyEventResponse.parse(res.body);
    expect(body).toMatchObject({ eventId: sent.id, type: 'service.status_changed', replayed: false });
    expect(body.result).toMatchObject({
      stepId: before.id,
      from: 'action_needed',
      to: 'completed',
      caseState: 'active',
    });

    const after = await stepOf(KADRI, 'child-parental-benefit');
    expect(after.seq).toBeGreaterThan(before.seq);
    expect(after.row).toMatchObject({ status: 'completed', actor: null, dueDate: null, reason });
    expect(after.row.history).toHaveLength(before.row.history.length + 1);
    expect(after.row.history.at(-1)).toEqual({ at: sent.occurredAt, from: 'action_needed', to: 'completed', reason });
  });

  it('answers a repeat with the first answer and writes nothing', async () => {
    const sent = event({ subServiceId: 'child-health-insurance', status: 'in_progress', dueDate: '2026-12-31' });
    const first = await post(tervisekassa, sent);
    expect(first.status).toBe(200);
    const before = await counts();
    // The same event again, its keys in another order.
    const reordered = Object.fromEntries(Object.entries(sent).reverse());
    const again = await post(tervisekassa, reordered);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect(await counts()).toEqual(before);
    const step = await stepOf(KADRI, 'child-health-insurance');
    expect(step.row.history.filter((h) => h.reason === reason || h.at === sent.occurredAt)).toHaveLength(1);
  });

  it('refuses the same event id with another body (409), writing nothing', async () => {
    const sent = event({ subServiceId: 'child-health-insurance', status: 'in_progress', dueDate: '2027-01-15' });
    expect((await post(tervisekassa, sent)).status).toBe(200);
    const before = await counts();
    const res = await post(tervisekassa, { ...sent, dueDate: '2027-01-20' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: 'event_id_reused', message: expect.any(String) } });
    expect(await counts()).toEqual(before);
  });

  it('applies two copies of an event sent at once exactly once', async () => {
    // A parent of their own whose parental benefit step is not started (the demo parents have offers on theirs).
    const parent = makePersonalCode('1990-03-04', 'male', 41);
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO persons (personal_code, given_name, family_name, facts) VALUES ($1, 'Isa', 'Test', '{}') RETURNING id`,
        [parent],
      );
      await openCase(tx, rows[0].id, { eventServiceId: 'having-a-child', subjectName: 'Laps Test' });
    });
    const sent = event({
      personalCode: parent,
      subServiceId: 'child-parental-benefit',
      status: 'not_started',
      actor: 'person',
    });
    const before = await stepOf(parent, 'child-parental-benefit');
    const [a, b] = await Promise.all([post(ska, sent), post(ska, sent)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.replayed, b.body.replayed].sort()).toEqual([false, true]);
    const after = await stepOf(parent, 'child-parental-benefit');
    expect(after.row.history).toHaveLength(before.row.history.length + 1);
  });

  it('records what a waiting step waits on, and clears it when it moves on', async () => {
    const waiting = await post(
      tervisekassa,
      event({ subServiceId: 'child-health-insurance', status: 'waiting', waitingOn: 'child-name' }),
    );
    expect(waiting.status).toBe(200);
    const name = await stepOf(KADRI, 'child-name');
    const step = await stepOf(KADRI, 'child-health-insurance');
    expect(step.row).toMatchObject({
      status: 'waiting',
      actor: null,
      waitingOnStepId: name.id,
      waitingOnSubServiceId: 'child-name',
    });
    expect(
      (await post(tervisekassa, event({ subServiceId: 'child-health-insurance', status: 'completed' }))).status,
    ).toBe(200);
    expect((await stepOf(KADRI, 'child-health-insurance')).row).toMatchObject({
      status: 'completed',
      waitingOnStepId: null,
      waitingOnSubServiceId: null,
    });
  });
});

describe('refused events write nothing', () => {
  const refusals: [string, number, string, () => string | null, () => unknown][] = [
    ['no key', 401, 'unauthenticated', () => null, () => event()],
    ['an unknown key', 401, 'unauthenticated', () => `mr_ska_${'A'.repeat(43)}`, () => event()],
    ['a revoked key', 401, 'unauthenticated', () => revoked, () => event()],
    ['another agency’s sub-service', 403, 'out_of_scope', () => tervisekassa, () => event()],
    ['an event type the key is not for', 403, 'event_type_not_allowed', () => skaOtherEvents, () => event()],
    ['not JSON', 400, 'invalid_json', () => ska, () => '{"id": '],
    ['a JSON array', 400, 'invalid_event', () => ska, () => [event()]],
    ['no id', 400, 'invalid_event', () => ska, () => ({ ...event(), id: undefined })],
    ['an id with spaces', 400, 'invalid_event', () => ska, () => event({ id: 'a b' })],
    ['an unknown type', 400, 'unknown_event_type', () => ska, () => event({ type: 'service.exploded' })],
    ['no reason', 400, 'invalid_event', () => ska, () => ({ ...event(), reason: undefined })],
    [
      'a reason without Ukrainian',
      400,
      'invalid_event',
      () => ska,
      () => event({ reason: { ...reason, uk: undefined } }),
    ],
    ['a blank reason', 400, 'invalid_event', () => ska, () => event({ reason: { ...reason, et: '  ' } })],
    [
      'a personal code with a bad checksum',
      400,
      'invalid_event',
      () => ska,
      () => event({ personalCode: '49304142711' }),
    ],
    ['a personal code of 10 digits', 400, 'invalid_event', () => ska, () => event({ personalCode: '4930414271' })],
    ['an unknown status', 400, 'invalid_event', () => ska, () => event({ status: 'done' })],
    ['an impossible date', 400, 'invalid_event', () => ska, () => event({ dueDate: '2026-02-30' })],
    ['a date-time as due date', 400, 'invalid_event', () => ska, () => event({ dueDate: '2026-12-01T10:00:00Z' })],
    ['occurredAt without a zone', 400, 'invalid_event', () => ska, () => event({ occurredAt: '2026-11-20T10:00:00' })],
    ['waiting without waitingOn', 400, 'invalid_event', () => ska, () => event({ status: 'waiting' })],
    ['waitingOn without waiting', 400, 'invalid_event', () => ska, () => event({ waitingOn: 'child-name' })],
    [
      'a due date on a final status',
      400,
      'invalid_event',
      () => ska,
      () => event({ status: 'declined', dueDate: '2026-12-01' }),
    ],
    [
      'an actor on action_needed',
      400,
      'invalid_event',
      () => ska,
      () => event({ status: 'action_needed', actor: 'agency' }),
    ],
    ['an unknown field', 400, 'invalid_event', () => ska, () => event({ amount: 320 })],
    ['an unknown sub-service', 422, 'unknown_sub_service', () => ska, () => event({ subServiceId: 'child-pony' })],
    ['an unknown person', 404, 'unknown_person', () => ska, () => event({ personalCode: NOBODY })],
    [
      'a person with no such case',
      404,
      'no_such_step',
      () => ska,
      () => event({ personalCode: '11202193427', subServiceId: 'child-allowance' }),
    ],
    [
      'a final step (child allowance is completed)',
      409,
      'step_final',
      () => ska,
      () => event({ subServiceId: 'child-allowance' }),
    ],
    [
      'an impossible transition (in progress → not started)',
      409,
      'invalid_transition',
      () => ska,
      () => event({ personalCode: '23711087040', subServiceId: 'child-rehabilitation', status: 'not_started' }),
    ],
    [
      'a change older than the step’s last',
      409,
      'stale_event',
      () => ska,
      () => event({ personalCode: MARTIN, subServiceId: 'child-parental-benefit', occurredAt: '2020-01-01T00:00:00Z' }),
    ],
    [
      'occurredAt in the future',
      422,
      'occurred_in_future',
      () => ska,
      () =>
        event({
          personalCode: MARTIN,
          subServiceId: 'child-parental-benefit',
          occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
        }),
    ],
    [
      'waiting on a sub-service outside the case',
      422,
      'invalid_waiting_on',
      () => ska,
      () =>
        event({
          personalCode: MARTIN,
          subServiceId: 'child-parental-benefit',
          status: 'waiting',
          waitingOn: 'pension-old-age-offer',
        }),
    ],
  ];

  it.each(refusals)('%s → %i %s', async (_, status, code, key, body) => {
    const before = await counts();
    const res = await post(key(), body());
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
    if (status === 401) expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer /);
    expect(await counts()).toEqual(before);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const before = await counts();
    const res = await post(ska, event({ reason: { ...reason, et: 'x'.repeat(70_000) } }));
    expect(res.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('judges a refused event again when it is sent again, corrected', async () => {
    const sent = event({ personalCode: MARTIN, subServiceId: 'child-parental-benefit', status: 'waiting' });
    expect((await post(ska, sent)).status).toBe(400);
    const fixed = await post(ska, { ...sent, waitingOn: 'child-name' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.replayed).toBe(false);
  });
});

describe('agency keys', () => {
  it('are stored only as a hash and note when they were last used', async () => {
    const { rows } = await db.query<{ key_hash: string; last_used_at: Date | null; scopes: string[] }>(
      `SELECT key_hash, last_used_at, scopes FROM agency_api_keys WHERE agency_id = 'ska' ORDER BY created_at LIMIT 1`,
    );
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].key_hash).not.toContain(ska.slice(7, 20));
    expect(rows[0].last_used_at).not.toBeNull();
    expect(rows[0].scopes).toEqual(['service.status_changed']);
  });

  it('look like mr_<agency>_<43 base64url characters>', () => {
    expect(ska).toMatch(/^mr_ska_[\w-]{43}$/);
  });

  it('cannot be made for an unknown agency', async () => {
    await expect(createAgencyKey(db, 'nope', { scopes: ['service.status_changed'] })).rejects.toThrow(/No agency/);
  });

  it('leave people’s data alone: the change log of someone else is not touched by an event', async () => {
    const other = await personId(db, '23409254568');
    const { rows: before } = await db.query('SELECT change_seq FROM person_clocks WHERE person_id = $1', [other]);
    expect(
      (await post(ska, event({ status: 'completed', subServiceId: 'child-parental-benefit', personalCode: MARTIN })))
        .status,
    ).toBe(200);
    const { rows: after } = await db.query('SELECT change_seq FROM person_clocks WHERE person_id = $1', [other]);
    expect(after).toEqual(before);
  });
});
