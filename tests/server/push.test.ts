import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';
import { createNotification } from '../../src/server/notifications/store';
import { queuePushes } from '../../src/server/push/queue';
import { releaseTime } from '../../src/server/push/quiet-hours';
import { createPushSender } from '../../src/server/push/sender';
import { loadVapidKeys, type VapidKeys } from '../../src/server/push/vapid';
import { pushKeyRoutes, pushSubscriptionRoutes } from '../../src/server/routes/push';
import { updateSettings } from '../../src/server/settings/store';
import {
  startMockPushService as startMock,
  type startMockPushService,
  type TestSubscription,
  verifyVapid,
} from '../support/mock-push-service';
import { openTestDatabase } from './db';
import { asPerson, personId } from './person-harness';

const KADRI = '24304142717'; // prefers Estonian
const OKSANA = '23906036155'; // prefers Ukrainian
const text = (prefix: string) => ({ et: `${prefix} et`, en: `${prefix} en`, ru: `${prefix} ru`, uk: `${prefix} uk` });

let db: Database;
let vapid: VapidKeys;
let mock: Awaited<ReturnType<typeof startMockPushService>>;
let app: ReturnType<typeof asPerson>;
let sender: ReturnType<typeof createPushSender>;

beforeAll(async () => {
  db = await openTestDatabase();
  vapid = await loadVapidKeys(db, {});
  mock = await startMock();
  app = asPerson(db, (r) => {
    r.route('/api/push/subscriptions', pushSubscriptionRoutes(db, vapid, [mock.origin]));
  });
  sender = createPushSender({
    db,
    vapid,
    log: createLogger('silent'),
    tls: { ca: mock.ca },
    allowedOrigins: [mock.origin],
  });
});
afterAll(async () => {
  await mock.close();
  await db.close();
});
beforeEach(async () => {
  await db.exec(
    'DELETE FROM push_deliveries; DELETE FROM push_subscriptions; DELETE FROM notifications; DELETE FROM person_settings',
  );
  mock.received.length = 0;
});

async function subscribe(who: string, sub: TestSubscription) {
  const res = await app.request('/api/push/subscriptions', {
    method: 'POST',
    headers: { 'x-test-person': who, 'content-type': 'application/json' },
    body: JSON.stringify({ endpoint: sub.endpoint, keys: sub.keys, deviceLabel: 'Phone' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function notify(who: string, options: { urgent?: boolean; topic?: 'offer' | 'feedback' } = {}) {
  const pid = await personId(db, who);
  return db.transaction((tx) =>
    createNotification(tx, pid, {
      topic: options.topic ?? 'offer',
      title: text('Title'),
      body: text('Body'),
      link: '/offers/x',
      urgent: options.urgent,
    }),
  );
}

const noQuietHours = async (who: string) => {
  const pid = await personId(db, who);
  await db.transaction((tx) => updateSettings(tx, pid, { quietHours: null }));
};

const deliveries = async () =>
  (
    await db.query<{ status: string; attempts: number; not_before: Date }>(
      'SELECT status, attempts, not_before FROM push_deliveries ORDER BY id',
    )
  ).rows;

describe('VAPID keys', () => {
  it('are made once and kept', async () => {
    expect(await loadVapidKeys(db, {})).toEqual(vapid);
    expect(vapid.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
  });

  it('come from the environment when given', async () => {
    const given = { publicKey: 'pub', privateKey: 'priv', subject: 'mailto:x@y.ee' };
    expect(await loadVapidKeys(db, given)).toEqual(given);
  });

  it('are served at GET /api/push/key', async () => {
    const res = await pushKeyRoutes(vapid).request('/');
    expect(await res.json()).toEqual({ publicKey: vapid.publicKey });
  });
});

describe('subscriptions', () => {
  it('are listed and deleted per person only', async () => {
    const id = await subscribe(KADRI, mock.subscription());
    const list = await app.request('/api/push/subscriptions', { headers: { 'x-test-person': OKSANA } });
    expect(await list.json()).toEqual({ subscriptions: [] });
    const theirs = await app.request(`/api/push/subscriptions/${id}`, {
      method: 'DELETE',
      headers: { 'x-test-person': OKSANA },
    });
    expect(theirs.status).toBe(404);
    const mine = await app.request(`/api/push/subscriptions/${id}`, {
      method: 'DELETE',
      headers: { 'x-test-person': KADRI },
    });
    expect(mine.status).toBe(204);
  });

  it('refuse a malformed subscription', async () => {
    for (const body of [
      {},
      { endpoint: 'http://insecure.example/x', keys: mock.subscription().keys },
      { endpoint: 'https://x.example', keys: { p256dh: 'short', auth: 'x' } },
    ]) {
      const res = await app.request('/api/push/subscriptions', {
        method: 'POST',
        headers: { 'x-test-person': KADRI, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
    }
    expect((await db.query('SELECT * FROM push_subscriptions')).rows).toEqual([]);
  });
});

describe('sending', () => {
  it('delivers an encrypted payload in the person’s language, signed with VAPID, with TTL, urgency and topic', async () => {
    await noQuietHours(OKSANA);
    const sub = mock.subscription();
    await subscribe(OKSANA, sub);
    const n = await notify(OKSANA);
    expect(await sender.runOnce()).toBe(1);
    expect(mock.received).toHaveLength(1);
    const push = mock.received[0];
    verifyVapid(push, { publicKey: vapid.publicKey, audience: mock.origin, subject: vapid.subject });
    expect(push.headers.ttl).toBe('86400');
    expect(push.headers.urgency).toBe('normal');
    expect(String(push.headers.topic)).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    const payload = sub.decrypt(push.body);
    expect(payload).toEqual({ title: 'Title uk', body: 'Body uk', url: '/offers/x', tag: `offer-${n.id}` });
    expect(JSON.stringify(payload)).not.toContain(OKSANA);
    expect((await deliveries()).map((d) => d.status)).toEqual(['sent']);
    expect(await sender.runOnce()).toBe(0);
  });

  it('keeps the connection and the VAPID token for the next pushes, and signs a new token before it ends', async () => {
    let clock = Math.floor(Date.now() / 1000) * 1000;
    const timed = createPushSender({
      db,
      vapid,
      log: createLogger('silent'),
      tls: { ca: mock.ca },
      now: () => clock,
      allowedOrigins: [mock.origin],
    });
    await noQuietHours(KADRI);
    await subscribe(KADRI, mock.subscription());
    const token = (i: number) => String(mock.received[i].headers.authorization);
    const before = mock.connections();
    await notify(KADRI);
    expect(await timed.runOnce()).toBe(1);
    expect(mock.connections()).toBe(before + 1);
    const claims = verifyVapid(mock.received[0], {
      publicKey: vapid.publicKey,
      audience: mock.origin,
      subject: vapid.subject,
    });
    expect(claims.exp).toBe(clock / 1000 + 12 * 3600);
    clock += 10 * 3600_000;
    await notify(KADRI);
    expect(await timed.runOnce()).toBe(1);
    expect(token(1)).toBe(token(0));
    expect(mock.connections()).toBe(before + 1); // the same connection
    clock += 1.5 * 3600_000; // less than an hour left: a new token
    await notify(KADRI);
    expect(await timed.runOnce()).toBe(1);
    expect(token(2)).not.toBe(token(0));
    verifyVapid(mock.received[2], { publicKey: vapid.publicKey, audience: mock.origin, subject: vapid.subject });
    await timed.stop();
  });

  it('pushes the words a notification shares with others (a cohort’s) like its own', async () => {
    await noQuietHours(OKSANA);
    const sub = mock.subscription();
    await subscribe(OKSANA, sub);
    const pid = await personId(db, OKSANA);
    const { rows } = await db.query<{ id: string }>(
      `WITH shared AS (INSERT INTO notification_texts (title, body) VALUES ($2, $3) RETURNING id)
       INSERT INTO notifications (person_id, topic, text_id, link) SELECT $1, 'offer', id, '/offers/y' FROM shared
       RETURNING id`,
      [pid, text('Shared title'), text('Shared body')],
    );
    const row = { id: rows[0].id, topic: 'offer' as const, title: text('?'), body: text('?'), link: '/offers/y' };
    await db.transaction((tx) =>
      queuePushes(tx, pid, { ...row, createdAt: new Date().toISOString(), readAt: null }, false),
    );
    expect(await sender.runOnce()).toBe(1);
    expect(sub.decrypt(mock.received[0].body)).toEqual({
      title: 'Shared title uk',
      body: 'Shared body uk',
      url: '/offers/y',
      tag: `offer-${rows[0].id}`,
    });
  });

  it('removes a subscription the push service says is gone (410)', async () => {
    await noQuietHours(KADRI);
    await subscribe(KADRI, mock.subscription());
    await notify(KADRI);
    mock.answer(410);
    await sender.runOnce();
    expect((await db.query('SELECT * FROM push_subscriptions')).rows).toEqual([]);
    expect(await deliveries()).toEqual([]);
  });

  it('retries a 503 later with back-off, then delivers', async () => {
    await noQuietHours(KADRI);
    await subscribe(KADRI, mock.subscription());
    await notify(KADRI);
    mock.answer(503);
    await sender.runOnce();
    const [waiting] = await deliveries();
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting.not_before.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await sender.runOnce()).toBe(0); // not due yet
    await db.exec(`UPDATE push_deliveries SET not_before = now()`);
    await sender.runOnce();
    expect((await deliveries()).map((d) => [d.status, d.attempts])).toEqual([['sent', 2]]);
    expect(mock.received).toHaveLength(2);
  });

  it('holds a non-urgent push during quiet hours, but not an urgent one', async () => {
    const pid = await personId(db, KADRI);
    const now = new Date();
    const hour = (offset: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Tallinn', hour: '2-digit', hourCycle: 'h23' }).format(
        new Date(now.getTime() + offset * 3_600_000),
      );
    await db.transaction((tx) =>
      updateSettings(tx, pid, { quietHours: { start: `${hour(-1)}:00`, end: `${hour(2)}:00` } }),
    );
    await subscribe(KADRI, mock.subscription());
    await notify(KADRI);
    expect(await sender.runOnce()).toBe(0);
    const [held] = await deliveries();
    expect(held.not_before.getTime()).toBeGreaterThan(now.getTime() + 55 * 60_000);
    await notify(KADRI, { urgent: true });
    expect(await sender.runOnce()).toBe(1);
    expect(mock.received[0].headers.urgency).toBe('high');
  });

  it('sends nothing for a topic the person turned off', async () => {
    await subscribe(KADRI, mock.subscription());
    await notify(KADRI, { topic: 'feedback' }); // off by default
    expect(await deliveries()).toEqual([]);
  });

  it('never sends one delivery twice, even with two senders at once', async () => {
    await noQuietHours(KADRI);
    for (let i = 0; i < 3; i++) await subscribe(KADRI, mock.subscription());
    for (let i = 0; i < 10; i++) await notify(KADRI);
    const other = createPushSender({
      db,
      vapid,
      log: createLogger('silent'),
      tls: { ca: mock.ca },
      allowedOrigins: [mock.origin],
    });
    await Promise.all([sender.runOnce(), other.runOnce(), sender.runOnce(), other.runOnce()]);
    expect(mock.received).toHaveLength(30);
    expect(new Set(mock.received.map((r) => `${r.path} ${r.headers.topic}`)).size).toBe(30);
  });
});

describe('quiet hours', () => {
  const tallinn = (iso: string) => new Date(iso);
  const quiet = { start: '22:00', end: '08:00' };
  it.each([
    ['2026-11-21T21:30:00Z', '2026-11-22T06:00:00Z'], // 23:30 in Tallinn (UTC+2) → 08:00
    ['2026-11-21T05:59:00Z', '2026-11-21T06:00:00Z'], // 07:59 → 08:00
    ['2026-11-21T12:00:00Z', '2026-11-21T12:00:00Z'], // 14:00: not quiet
    ['2026-03-28T21:00:00Z', '2026-03-29T05:00:00Z'], // 23:00 before the spring DST change → 08:00 EEST
  ])('a push at %s goes out at %s', (at, expected) => {
    expect(releaseTime(tallinn(at), quiet, false).toISOString()).toBe(new Date(expected).toISOString());
  });
  it('lets an urgent push through at once', () => {
    expect(releaseTime(tallinn('2026-11-21T21:30:00Z'), quiet, true).toISOString()).toBe('2026-11-21T21:30:00.000Z');
  });
});

describe('a child’s notifications', () => {
  it('reach the parents with rights in their own language, never with the child’s name or the message', async () => {
    const MARTA = '22609190279';
    const MARTIN = '14102275188';
    for (const parent of [KADRI, MARTIN]) await noQuietHours(parent);
    const kadris = mock.subscription();
    const martins = mock.subscription();
    await subscribe(KADRI, kadris);
    await subscribe(MARTIN, martins);
    const martaId = await personId(db, MARTA);
    // Martin's rights are removed: only Kadri is told.
    await db.query(`UPDATE mandates SET status = 'removed', ended_at = now() WHERE subject_id = $1 AND actor_id = $2`, [
      martaId,
      await personId(db, MARTIN),
    ]);
    const n = await db.transaction((tx) =>
      createNotification(tx, martaId, { topic: 'status', title: text('Marta Tamm'), body: text('Marta Tamm') }),
    );
    expect(await sender.runOnce()).toBe(1);
    expect(mock.received).toHaveLength(1);
    const payload = kadris.decrypt(mock.received[0].body);
    expect(payload).toEqual({
      title: 'Uus teavitus',
      body: expect.stringContaining('Minu riigis'),
      url: '/',
      tag: `represented-${n.id}`,
    });
    expect(JSON.stringify(payload)).not.toMatch(/Marta|22609190279/);
  });
});
