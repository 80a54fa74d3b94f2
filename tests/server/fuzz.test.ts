import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATION_TYPES } from '../../src/contract/mutations';
import { createAgencyKey } from '../../src/server/agency/keys';
import type { Database } from '../../src/server/db/database';
import { CookieJar, signIn, startAuthServer, type TestServer } from './auth-harness';
import { openTestDatabase } from './db';
import { personId } from './person-harness';

/**
 * The project's own fuzz suite: generated requests (methods, paths, queries, headers, bodies of every
 * size and shape, mutations of every type with hostile payloads) to every route of the app and of the
 * OpenAPI document. Never a 5xx; every error JSON {error:{code,message}}; never over 5 s; and a request
 * that was refused changed nothing: every table's row count and checksum is as before.
 * Seeded (FUZZ_SEED, default 17); FUZZ_RUNS requests (default 3000).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 17);
const KADRI = '24304142717';
/** Tables that legitimately change on a refused request: the session's idle clock, sign-in attempts, rate limits. */
const VOLATILE = /^(sessions|auth_requests)$|rate/;

let db: Database;
let server: TestServer;
let jar: CookieJar;
let agencyKey: string;
let tables: string[];
const ids: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startAuthServer(db, { AUTH_RATE_LIMIT: '100000000' });
  jar = new CookieJar();
  await signIn(server.url, jar, KADRI);
  agencyKey = (await createAgencyKey(db, 'ska', { scopes: ['service.status_changed'] })).key;
  const id = await personId(db, KADRI);
  for (const sql of [
    'SELECT id::text FROM offers WHERE person_id = $1',
    'SELECT id::text FROM notifications WHERE person_id = $1',
    'SELECT id::text FROM feedback_requests WHERE person_id = $1',
    'SELECT id::text FROM push_subscriptions WHERE person_id = $1',
  ]) {
    ids.push(...(await db.query<{ id: string }>(sql, [id])).rows.map((r) => r.id));
  }
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  tables = rows.map((r) => r.table_name).filter((t) => !VOLATILE.test(t));
  // A counter of committed row writes to those tables: read after every refused request (a full
  // checksum of every table after every one would take minutes; it is taken every CHECKSUM_EVERY).
  await db.exec(`
    CREATE TABLE fuzz_writes (n bigint NOT NULL);
    INSERT INTO fuzz_writes VALUES (0);
    CREATE FUNCTION fuzz_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE fuzz_writes SET n = n + 1; RETURN NULL; END $$;
    ${tables.map((t) => `CREATE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION fuzz_count();`).join('\n')}
  `);
}, 120_000);

const CHECKSUM_EVERY = 50;
const writes = async () => (await db.query<{ n: string }>('SELECT n::text FROM fuzz_writes')).rows[0].n;
afterAll(async () => {
  await server?.close();
  await db?.close();
});

/** Row count and a checksum of every row of every table but the volatile ones. */
async function snapshot(): Promise<string> {
  const { rows } = await db.query<{ t: string; n: string; h: string }>(
    tables
      .map(
        (t) =>
          `SELECT '${t}' AS t, count(*)::text AS n, coalesce(sum(hashtext(x::text)::bigint), 0)::text AS h FROM ${t} x`,
      )
      .join(' UNION ALL '),
  );
  return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join(' ');
}

// ---- what is generated ----

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }), // lone surrogates among them
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '\uDFFF x', '', ' ', '%00', '../../etc/passwd', '<script>'),
  fc.uuid().map(String),
  fc.nat(1000).map((i) => ids[i % Math.max(1, ids.length)] ?? randomUUID()),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc
    .date({ min: new Date(-62_000_000_000_000), max: new Date(250_000_000_000_000), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('0000-01-01', '9999-12-31', '2026-02-30', '1799-12-31', '2026-12-24'),
  fc.constantFrom('et', 'en', 'ru', 'uk', 'xx'),
  fc.jsonValue({ maxDepth: 2 }),
);
const PAYLOAD_KEYS = [
  'offerId',
  'reason',
  'fields',
  'requestId',
  'score',
  'smoothness',
  'comment',
  'optOut',
  'notificationId',
  'language',
  'push',
  'quietHours',
  'extra',
];
const payload = fc.dictionary(fc.constantFrom(...PAYLOAD_KEYS), nasty, { maxKeys: 4 });
const mutation = fc.record({
  id: fc.oneof(fc.uuid().map(String), nasty),
  type: fc.oneof(fc.constantFrom(...MUTATION_TYPES), nasty),
  payload: fc.oneof(payload, nasty),
  createdAt: fc.oneof(fc.constant(new Date().toISOString()), nasty),
});

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string }
  | { kind: 'big'; size: number };
const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 4,
    arbitrary: fc
      .array(mutation, { minLength: 0, maxLength: 6 })
      .map((m) => ({ kind: 'json' as const, value: { mutations: m } })),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'json' as const, value })) },
  { weight: 2, arbitrary: payload.map((value) => ({ kind: 'json' as const, value })) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ kind: 'raw' as const, text })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(5_000, 70_000, 600_000).map((size) => ({ kind: 'big' as const, size })),
  },
);

interface Route {
  method: string;
  path: string;
}

function routes(): Route[] {
  const found = new Map<string, Route>();
  for (const r of server.app.routes) {
    if (r.method === 'ALL' || !/^\/(api|auth)\//.test(r.path) || r.path.endsWith('*')) continue;
    found.set(`${r.method} ${r.path}`, { method: r.method, path: r.path.replace(/\/$/, '') || '/' });
  }
  for (const path of ['/api/health', '/api/catalogue', '/api/agency/events', '/api/openapi.json']) {
    found.set(`GET ${path}`, found.get(`GET ${path}`) ?? { method: 'GET', path });
  }
  return [...found.values()];
}

const request = (all: Route[]) =>
  fc.record({
    route: fc.constantFrom(...all),
    otherMethod: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), { freq: 5 }),
    param: fc.oneof(
      fc.nat(1000).map((i) => ids[i % Math.max(1, ids.length)] ?? randomUUID()),
      fc.uuid().map(String),
      fc.string({ maxLength: 20 }),
    ),
    query: fc.dictionary(
      fc.constantFrom('cursor', 'limit', 'lang', 'return_to', 'error', 'code', 'state', 'x'),
      nasty.map(String),
      {
        maxKeys: 3,
      },
    ),
    session: fc.boolean(),
    app: fc.boolean(), // the app's Origin and CSRF header
    agency: fc.constantFrom('none', 'key', 'garbage'),
    contentType: fc.constantFrom(
      'application/json',
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
      undefined,
    ),
    body,
  });

function bodyOf(b: Body): string | undefined {
  if (b.kind === 'none') return undefined;
  if (b.kind === 'raw') return b.text;
  if (b.kind === 'big') return `{"mutations":[${'['.repeat(b.size)}`;
  return JSON.stringify(b.value);
}

describe('fuzz', () => {
  it(`answers ${RUNS} generated requests without a 5xx, in JSON when refused, and a refusal changes nothing`, async () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(10);
    let last = await snapshot();
    let lastWrites = await writes();
    let dirty = false; // lastWrites may be out of date
    let stale = false; // last (the checksums) may be out of date
    let run = 0;
    let checksums = 0;
    const tally = new Map<number, number>();
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(request(all), async (r) => {
        const method = r.otherMethod ?? r.route.method;
        const path = r.route.path.replace(/:[a-zA-Z]+/g, encodeURIComponent(r.param));
        const query = new URLSearchParams(r.query).toString();
        const headers: Record<string, string> = {};
        // Never the session to /auth/logout: the suite keeps its session.
        if (r.session && path !== '/auth/logout') headers.Cookie = jar.header();
        if (r.app) Object.assign(headers, { Origin: server.url, 'X-Minu-Riik': '1' });
        if (r.agency === 'key') headers.Authorization = `Bearer ${agencyKey}`;
        if (r.agency === 'garbage') headers.Authorization = 'Bearer mr_nope';
        if (r.contentType) headers['Content-Type'] = r.contentType;
        const sendsBody = !['GET', 'HEAD'].includes(method);
        run++;
        const checksum = run % CHECKSUM_EVERY === 0;
        if (stale && checksum) {
          last = await snapshot();
          stale = false;
        }
        if (dirty) {
          lastWrites = await writes();
          dirty = false;
        }
        const t0 = performance.now();
        const res = await fetch(`${server.url}${path}${query ? `?${query}` : ''}`, {
          method,
          headers,
          body: sendsBody ? bodyOf(r.body) : undefined,
          redirect: 'manual',
          signal: AbortSignal.timeout(5000),
        });
        // A live-status stream (GET /api/changes/stream) never ends by itself: its headers are the answer.
        const stream = res.status === 200 && /^text\/event-stream/.test(res.headers.get('content-type') ?? '');
        if (stream) await res.body?.cancel();
        const text = method === 'HEAD' || stream ? '' : await res.text();
        const ms = performance.now() - t0;
        tally.set(res.status, (tally.get(res.status) ?? 0) + 1);
        const what = `${method} ${path}?${query} → ${res.status} ${text.slice(0, 200)}`;
        expect(res.status, what).toBeLessThan(500);
        expect(ms, what).toBeLessThan(5000);
        let refused = res.status >= 400;
        if (refused && method !== 'HEAD') {
          expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
          const error = JSON.parse(text).error;
          expect(typeof error?.code, what).toBe('string');
          expect(typeof error?.message, what).toBe('string');
        }
        if (res.status === 200 && path === '/api/mutations') {
          const results = JSON.parse(text).results as { status: string }[];
          refused = results.every((x) => x.status === 'rejected');
        }
        if (refused) {
          expect(await writes(), `${what}: wrote rows`).toBe(lastWrites);
          if (checksum) {
            expect(await snapshot(), what).toBe(last);
            checksums++;
          }
        } else {
          dirty = true;
          stale = true;
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    const s = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `fuzz (${db.kind}): ${RUNS} requests in ${s} s, ${checksums} full checksums; statuses ${[...tally]
        .sort()
        .map(([k, v]) => `${k}×${v}`)
        .join(' ')}`,
    );
  }, 300_000);
});
