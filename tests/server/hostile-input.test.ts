import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgencyKey } from '../../src/server/agency/keys';
import type { Database } from '../../src/server/db/database';
import { appRequest, CookieJar, signIn, startAuthServer, type TestServer } from './auth-harness';
import { openTestDatabase } from './db';
import { personId } from './person-harness';

/**
 * What a hostile or broken sender can do to the server: huge bodies, text PostgreSQL cannot store,
 * dates out of range, someone else's push endpoint. Every such request gets a 4xx JSON error, changes
 * nothing and never stalls the others.
 */

const KADRI = '24304142717';
const AIVAR = '11202193427';

let db: Database;
let server: TestServer;
let kadri: CookieJar;
let aivar: CookieJar;
let agencyKey: string;

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startAuthServer(db, { AUTH_RATE_LIMIT: '100000' });
  kadri = new CookieJar();
  aivar = new CookieJar();
  await signIn(server.url, kadri, KADRI);
  await signIn(server.url, aivar, AIVAR);
  agencyKey = (await createAgencyKey(db, 'ska', { scopes: ['service.status_changed'] })).key;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await db?.close();
});

interface Sent {
  status: number;
  body: string;
  contentType: string;
  /** How much of the body the server took before it closed the connection. */
  sentBytes: number;
}

/**
 * Sends `size` bytes made of `chunk` repeated (after `head`), with a Content-Length or chunked, as a
 * hostile client would: on and on after the answer, until all is sent or the server closes the
 * connection. Resolves with the answer (status 0 if none came) once the sending has ended.
 */
function sendBody(
  path: string,
  options: {
    method?: string;
    size: number;
    head?: string;
    chunk: string;
    headers?: Record<string, string>;
    chunked?: boolean;
  },
): Promise<Sent> {
  const head = Buffer.from(options.head ?? '');
  const chunk = Buffer.from(options.chunk.repeat(Math.max(1, Math.floor(65_536 / options.chunk.length))));
  return new Promise((resolve) => {
    const answer = { status: 0, body: '', contentType: '' };
    let sent = 0;
    let pending = 2; // the answer and the end of sending
    const settle = () => {
      if (--pending === 0) resolve({ ...answer, sentBytes: sent });
    };
    const req = httpRequest(
      `${server.url}${path}`,
      {
        method: options.method ?? 'POST',
        headers: {
          ...options.headers,
          ...(options.chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(options.size) }),
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (b: Buffer) => parts.push(b));
        res.on('end', () => {
          answer.status = res.statusCode ?? 0;
          answer.body = Buffer.concat(parts).toString();
          answer.contentType = String(res.headers['content-type']);
          settle();
        });
        res.on('error', () => undefined);
      },
    );
    let ended = false;
    const endSending = () => {
      if (ended) return;
      ended = true;
      settle();
    };
    req.on('error', () => {
      endSending();
      if (answer.status === 0) settle();
    });
    req.on('finish', endSending);
    if (head.length) {
      req.write(head);
      sent += head.length;
    }
    const write = () => {
      while (sent < options.size && !req.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, options.size - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', write);
      }
      if (!req.destroyed) req.end();
    };
    write();
  });
}

/** Pings /api/health every few ms until `work` settles; returns the work's result and the slowest ping. */
async function healthDuring<T>(work: () => Promise<T>): Promise<{ result: T; maxMs: number; pings: number }> {
  const ping = async () => {
    const start = performance.now();
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    return performance.now() - start;
  };
  await ping(); // the connection is open before the measuring starts
  let done = false;
  const latencies: number[] = [];
  const pinger = (async () => {
    while (!done) {
      latencies.push(await ping());
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const result = await work().finally(() => {
    done = true;
  });
  await pinger;
  return { result, maxMs: Math.max(...latencies), pings: latencies.length };
}

const cookie = (jar: CookieJar) => ({
  Cookie: jar.header(),
  Origin: server.url,
  'X-Minu-Riik': '1',
  'Content-Type': 'application/json',
});

const MB = 1024 * 1024;

describe('bodies too large for their route', () => {
  const cases = [
    {
      name: 'a 100 MB form of millions of fields to back-channel logout (no session, no CSRF header)',
      path: '/auth/backchannel-logout',
      size: 100 * MB,
      chunk: 'a=1&',
      headers: () => ({ 'Content-Type': 'application/x-www-form-urlencoded' }),
    },
    {
      name: 'a 100 MB [[[…]]] body to /api/mutations from a signed-in person',
      path: '/api/mutations',
      size: 100 * MB,
      chunk: '[',
      headers: () => cookie(kadri),
    },
    {
      name: 'a 10 MB body to /api/me/settings',
      path: '/api/me/settings',
      method: 'PUT',
      size: 10 * MB,
      head: '{"language":"',
      chunk: 'e',
      headers: () => cookie(kadri),
    },
    {
      name: 'a 10 MB body to /api/push/subscriptions',
      path: '/api/push/subscriptions',
      size: 10 * MB,
      head: '{"endpoint":"https://fcm.googleapis.com/',
      chunk: 'x',
      headers: () => cookie(kadri),
    },
  ];
  for (const c of cases) {
    for (const chunked of [false, true]) {
      it(`refuse ${c.name}, ${chunked ? 'streamed' : 'with a Content-Length'}, with a 413 JSON while health answers`, async () => {
        // Three rounds; the median of each round's slowest health ping is gated, so one pause of this
        // shared machine does not fail it, while a stall of the server (21 s before the limits) would.
        const slowest: number[] = [];
        for (let round = 0; round < 3; round++) {
          const { result, maxMs, pings } = await healthDuring(() =>
            sendBody(c.path, {
              method: c.method,
              size: c.size,
              head: c.head,
              chunk: c.chunk,
              headers: c.headers(),
              chunked,
            }),
          );
          console.info(
            `${c.path} ${chunked ? 'chunked' : 'content-length'}: ${(result.sentBytes / MB).toFixed(1)} of ` +
              `${c.size / MB} MB taken before the server closed, slowest of ${pings} health pings ${maxMs.toFixed(1)} ms`,
          );
          expect(result.status).toBe(413);
          expect(result.contentType).toMatch(/^application\/json/);
          expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'body_too_large' } });
          expect(result.sentBytes).toBeLessThan(Math.max(c.size / 2, 6 * MB));
          slowest.push(maxMs);
        }
        expect(slowest.sort((a, b) => a - b)[1]).toBeLessThan(100);
      });
    }
  }

  it('refuse a form of too many fields to back-channel logout, small as it is', async () => {
    const res = await fetch(`${server.url}/auth/backchannel-logout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `${'a=1&'.repeat(3000)}logout_token=x`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });
});

async function mutate(jar: CookieJar, type: string, payload: unknown) {
  const res = await appRequest(server.url, jar, '/api/mutations', {
    method: 'POST',
    body: JSON.stringify({ mutations: [{ id: randomUUID(), type, payload, createdAt: new Date().toISOString() }] }),
  });
  expect(res.status).toBe(200);
  const { results } = (await res.json()) as { results: { status: string; code?: string }[] };
  expect(results).toHaveLength(1);
  return results[0];
}

describe('text PostgreSQL cannot store', () => {
  const NUL = 'before\u0000after';
  const LONE = 'half \uD83D of an emoji';

  it('is a rejected mutation (invalid_payload), for a decline reason and a feedback comment', async () => {
    const idKadri = await personId(db, KADRI);
    const { rows: offers } = await db.query<{ id: string }>(
      `SELECT id FROM offers WHERE person_id = $1 AND status = 'pending' LIMIT 1`,
      [idKadri],
    );
    expect(offers[0]).toBeDefined();
    for (const reason of [NUL, LONE]) {
      expect(await mutate(kadri, 'offer.decline', { offerId: offers[0].id, reason })).toMatchObject({
        status: 'rejected',
        code: 'invalid_payload',
      });
    }
    const { rows } = await db.query<{ status: string }>('SELECT status FROM offers WHERE id = $1', [offers[0].id]);
    expect(rows[0].status).toBe('pending');
    expect(await mutate(kadri, 'feedback.answer', { requestId: randomUUID(), score: 9, comment: NUL })).toMatchObject({
      status: 'rejected',
      code: 'invalid_payload',
    });
    expect(await mutate(kadri, 'offer.accept', { offerId: offers[0].id, fields: { [`k${NUL}`]: 'v' } })).toMatchObject({
      status: 'rejected',
      code: 'invalid_payload',
    });
  });

  it('is a 400 for a push device label and a 404 for a subscription id', async () => {
    const res = await appRequest(server.url, kadri, '/api/push/subscriptions', {
      method: 'POST',
      body: JSON.stringify({
        endpoint: 'https://fcm.googleapis.com/fcm/send/nul-label',
        keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'AAAAAAAAAAAAAAAAAAAAAA' },
        deviceLabel: NUL,
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_body' } });
    for (const id of ['%00', '%ED%A0%80', 'not-a-uuid']) {
      const del = await appRequest(server.url, kadri, `/api/push/subscriptions/${id}`, { method: 'DELETE' });
      expect(del.status).toBe(404);
      expect(await del.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('is a 400 for an agency event, and so is a due date PostgreSQL cannot take', async () => {
    const event = (overrides: Record<string, unknown>) => ({
      id: `hostile-${randomUUID()}`,
      type: 'service.status_changed',
      occurredAt: new Date().toISOString(),
      personalCode: KADRI,
      subServiceId: 'child-parental-benefit',
      status: 'in_progress',
      reason: { et: 'x', en: 'x', ru: 'x', uk: 'x' },
      ...overrides,
    });
    for (const body of [
      event({ reason: { et: NUL, en: 'x', ru: 'x', uk: 'x' } }),
      event({ reason: { et: LONE, en: 'x', ru: 'x', uk: 'x' } }),
      event({ dueDate: '0000-01-01' }),
      event({ dueDate: '9999-12-31' }),
      event({ occurredAt: '0000-01-01T00:00:00Z' }),
    ]) {
      const res = await fetch(`${server.url}/api/agency/events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${agencyKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_event' } });
    }
  });
});

describe('push subscriptions', () => {
  const subscription = (endpoint: string) =>
    JSON.stringify({ endpoint, keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'AAAAAAAAAAAAAAAAAAAAAA' } });

  it('are taken only at a browser push service (no loopback, no other host)', async () => {
    for (const endpoint of [
      'https://127.0.0.1:8443/x',
      'https://localhost/x',
      'https://internal.example/x',
      'https://fcm.googleapis.com.evil.example/x',
      'https://user:pass@fcm.googleapis.com/x',
    ]) {
      const res = await appRequest(server.url, kadri, '/api/push/subscriptions', {
        method: 'POST',
        body: subscription(endpoint),
      });
      expect(res.status, endpoint).toBe(422);
      expect(await res.json()).toMatchObject({ error: { code: 'push_service_not_allowed' } });
    }
    const { rows } = await db.query('SELECT 1 FROM push_subscriptions');
    expect(rows).toEqual([]);
  });

  it('are never moved to someone else who posts the same endpoint', async () => {
    const endpoint = `https://wns2-par02p.notify.windows.com/w/?token=${randomUUID()}`;
    const own = await appRequest(server.url, kadri, '/api/push/subscriptions', {
      method: 'POST',
      body: subscription(endpoint),
    });
    expect(own.status).toBe(201);
    const again = await appRequest(server.url, kadri, '/api/push/subscriptions', {
      method: 'POST',
      body: subscription(endpoint),
    });
    expect(again.status).toBe(201);
    const taken = await appRequest(server.url, aivar, '/api/push/subscriptions', {
      method: 'POST',
      body: subscription(endpoint),
    });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ error: { code: 'endpoint_taken' } });
    const { rows } = await db.query<{ person_id: string }>(
      'SELECT person_id FROM push_subscriptions WHERE endpoint = $1',
      [endpoint],
    );
    expect(rows).toEqual([{ person_id: await personId(db, KADRI) }]);
  });
});
