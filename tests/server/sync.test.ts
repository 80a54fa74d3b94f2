import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SyncPage } from '../../src/contract/sync';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';
import { createNotification } from '../../src/server/notifications/store';
import { mutationRoutes, syncRoutes } from '../../src/server/routes/sync';
import { recordChange } from '../../src/server/sync/changes';
import { mutationHandlers } from '../../src/server/sync/handlers';
import { openTestDatabase } from './db';
import { asPerson, mutation, personId, sendMutations } from './person-harness';

const A = '24304142717'; // Kadri Tamm
const B = '11202193427'; // Aivar Mägi
const text = (s: string) => ({ et: s, en: s, ru: s, uk: s });

let db: Database;
let app: ReturnType<typeof asPerson>;
let idA: string;
let idB: string;

beforeAll(async () => {
  db = await openTestDatabase();
  app = asPerson(db, (r) => {
    r.route('/api/sync', syncRoutes(db));
    r.route('/api/mutations', mutationRoutes(db, mutationHandlers, createLogger('silent')));
  });
  idA = await personId(db, A);
  idB = await personId(db, B);
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.exec(
    'DELETE FROM applied_mutations; DELETE FROM notifications; DELETE FROM person_changes; DELETE FROM person_clocks',
  );
});

async function sync(who: string, cursor?: string, limit?: number) {
  const params = new URLSearchParams();
  if (cursor) params.set('cursor', cursor);
  if (limit) params.set('limit', String(limit));
  const res = await app.request(`/api/sync?${params}`, { headers: { 'x-test-person': who } });
  expect(res.status).toBe(200);
  return SyncPage.parse(await res.json());
}

const notify = (pid: string, title = 'Hello') =>
  db.transaction((tx) => createNotification(tx, pid, { topic: 'general', title: text(title), body: text('Body') }));

describe('GET /api/sync', () => {
  it('starts with a full snapshot of the profile and settings, then only what changed', async () => {
    const first = await sync(A);
    expect(first.changes.map((c) => `${c.entity}:${c.id}`).sort()).toEqual(['profile:me', 'settings:settings']);
    expect(first.more).toBe(false);
    const profile = first.changes.find((c) => c.entity === 'profile');
    expect(profile).toMatchObject({ op: 'put', data: { givenName: 'Kadri', personalCode: A } });

    expect((await sync(A, first.cursor)).changes).toEqual([]);
    const n = await notify(idA);
    const delta = await sync(A, first.cursor);
    expect(delta.changes).toEqual([{ entity: 'notification', id: n.id, op: 'put', data: n }]);
  });

  it('pages a large log: every row once, in order, `more` until the end', async () => {
    for (let i = 0; i < 1203; i++) await notify(idA, `n${i}`);
    const seen: string[] = [];
    let cursor: string | undefined;
    const mores: boolean[] = [];
    for (;;) {
      const page = await sync(A, cursor);
      seen.push(...page.changes.map((c) => c.id));
      mores.push(page.more);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(mores).toEqual([true, true, false]);
    expect(seen).toHaveLength(1205); // + profile and settings
    expect(new Set(seen).size).toBe(1205);
  });

  it('sends deletions as tombstones after the snapshot, and leaves them out of a snapshot', async () => {
    const n = await notify(idA);
    const first = await sync(A);
    await db.transaction((tx) => recordChange(tx, idA, 'notification', n.id, null));
    expect((await sync(A, first.cursor)).changes).toEqual([{ entity: 'notification', id: n.id, op: 'delete' }]);
    expect((await sync(A)).changes.some((c) => c.id === n.id)).toBe(false);
  });

  it('never gives one person another person’s changes', async () => {
    await notify(idB, 'for B only');
    const a = await sync(A);
    expect(a.changes.every((c) => c.entity !== 'notification')).toBe(true);
    expect(JSON.stringify(a)).not.toContain(B);
  });

  it.each([['garbage'], ['c1.LTE'], ['c1.'], ['c1.MS41']])('refuses the cursor %s with a 400', async (cursor) => {
    const res = await app.request(`/api/sync?cursor=${encodeURIComponent(cursor)}`, {
      headers: { 'x-test-person': A },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'bad_cursor' } });
  });

  it('refuses a bad page size', async () => {
    const res = await app.request('/api/sync?limit=0', { headers: { 'x-test-person': A } });
    expect(res.status).toBe(400);
  });
});

describe('POST /api/mutations', () => {
  it('applies notification.read once: a repeat is a duplicate and changes nothing', async () => {
    const n = await notify(idA);
    const m = mutation('notification.read', { notificationId: n.id });
    expect((await sendMutations(app, A, [m])).body.results).toEqual([{ id: m.id, status: 'applied' }]);
    const { rows } = await db.query<{ read_at: Date; seq: string }>(
      `SELECT read_at, (SELECT seq FROM person_changes WHERE entity_id = $1) AS seq FROM notifications WHERE id = $2`,
      [n.id, n.id],
    );
    expect(rows[0].read_at).not.toBeNull();
    expect((await sendMutations(app, A, [m])).body.results).toEqual([{ id: m.id, status: 'duplicate' }]);
    const again = await db.query<{ read_at: Date; seq: string }>(
      `SELECT read_at, (SELECT seq FROM person_changes WHERE entity_id = $1) AS seq FROM notifications WHERE id = $2`,
      [n.id, n.id],
    );
    expect(again.rows[0]).toEqual(rows[0]);
  });

  it('applies concurrent duplicate posts exactly once', async () => {
    const n = await notify(idA);
    const m = mutation('notification.read', { notificationId: n.id });
    const answers = await Promise.all(Array.from({ length: 6 }, () => sendMutations(app, A, [m])));
    const statuses = answers.map((a) => a.body.results[0].status).sort();
    expect(statuses).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM applied_mutations WHERE id = $1', [m.id]);
    expect(Number(rows[0].n)).toBe(1);
  });

  it('rejects an unknown type, a bad payload and another person’s notification, writing nothing', async () => {
    const theirs = await notify(idB);
    const before = await db.query('SELECT * FROM person_changes ORDER BY person_id, seq');
    const { body } = await sendMutations(app, A, [
      mutation('notification.delete_everything', {}),
      mutation('notification.read', { notificationId: 'not-a-uuid' }),
      mutation('notification.read', { notificationId: theirs.id }),
      mutation('settings.update', { language: 'fr' }),
    ]);
    expect(body.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'unknown_type'],
      ['rejected', 'invalid_payload'],
      ['rejected', 'not_found'],
      ['rejected', 'invalid_payload'],
    ]);
    expect((await db.query('SELECT * FROM person_changes ORDER BY person_id, seq')).rows).toEqual(before.rows);
    expect((await db.query('SELECT * FROM applied_mutations')).rows).toEqual([]);
    expect((await db.query('SELECT read_at FROM notifications WHERE id = $1', [theirs.id])).rows[0]).toEqual({
      read_at: null,
    });
  });

  it('applies a batch in order and records settings in the change log', async () => {
    const first = await sync(A);
    const { body } = await sendMutations(app, A, [
      mutation('settings.update', { language: 'en' }),
      mutation('settings.update', { language: 'uk' }),
    ]);
    expect(body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const delta = await sync(A, first.cursor);
    expect(delta.changes).toEqual([
      {
        entity: 'settings',
        id: 'settings',
        op: 'put',
        data: {
          id: 'settings',
          language: 'uk',
          push: { offer: true, status: true, deadline: true, feedback: false },
          quietHours: { start: '22:00', end: '08:00' },
        },
      },
    ]);
  });

  it('answers a malformed batch with a 400', async () => {
    for (const body of ['not json', JSON.stringify({ mutations: [] }), JSON.stringify({ mutations: [{ id: 'x' }] })]) {
      const res = await app.request('/api/mutations', {
        method: 'POST',
        headers: { 'x-test-person': A, 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_body' } });
    }
  });
});
