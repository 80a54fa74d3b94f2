import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToDate, tallinnDate } from '../../src/contract/dates';
import { makePersonalCode } from '../../src/contract/isikukood';
import { dataUseJson } from '../../src/server/data-uses/rows';
import type { Database } from '../../src/server/db/database';
import { createNotification } from '../../src/server/notifications/store';
import { recordChange } from '../../src/server/sync/changes';
import { encodeCursor } from '../../src/server/sync/cursor';
import { appRequest, CookieJar, signIn, startAuthServer, type TestServer } from './auth-harness';
import { openTestDatabase } from './db';
import { personId } from './person-harness';

/**
 * No person can see or change another person's data. For every /api route the app has, this suite
 * either knows it is public or has a check that signs in as A and goes after B's rows. A route that is
 * neither fails the first test: add it to PUBLIC or to PERSON_ROUTES (one line, plus its check).
 */

const A = '24304142717'; // Kadri Tamm
const B = '11202193427'; // Aivar Mägi

/** Routes anyone may call without a session, and why. A prefix ending in / covers everything under it. */
const PUBLIC: Record<string, string> = {
  '/api/health': 'load balancer health check',
  '/api/ready': 'load balancer readiness: database, migrations, job counts (no personal data)',
  '/api/catalogue': 'the public service catalogue',
  '/api/openapi.json': 'the API description',
  '/api/agency/': "agencies' systems, authenticated by API key and scoped per agency (tested in the agency suite)",
  '/api/stats/': 'open data on how services are rated (no comments, no identities)',
  '/api/push/key': "the server's VAPID public key",
};

interface Ctx {
  base: string;
  db: Database;
  /** Signed in as A. */
  a: CookieJar;
  b: CookieJar;
  idA: string;
  idB: string;
  /** A request from the app (Origin + CSRF header) with A's session. */
  asA(path: string, init?: RequestInit): Promise<Response>;
  asB(path: string, init?: RequestInit): Promise<Response>;
}

/** Fails when a body shows anything of B's: their person id or personal code, or the given ids. */
function expectNothingOfB(ctx: Ctx, body: unknown, ...ids: string[]) {
  const text = JSON.stringify(body);
  for (const secret of [ctx.idB, B, ...ids]) expect(text, `leaks ${secret}`).not.toContain(secret);
}

/** Person-data routes (`METHOD /path` as Hono lists it) and how A goes after B's rows on each. */
const PERSON_ROUTES: Record<string, (ctx: Ctx) => Promise<void>> = {
  'GET /api/me': async (ctx) => {
    for (const query of ['', `?personId=${ctx.idB}`, `?personalCode=${B}`, `?id=${ctx.idB}`, `?subject=${ctx.idB}`]) {
      const res = await ctx.asA(`/api/me${query}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.personalCode).toBe(A);
      expectNothingOfB(ctx, body);
    }
  },

  'PUT /api/me/settings': async (ctx) => {
    const before = await (await ctx.asB('/api/me')).json();
    const smuggled = await ctx.asA('/api/me/settings', {
      method: 'PUT',
      body: JSON.stringify({ language: 'ru', personId: ctx.idB }),
    });
    expect(smuggled.status).toBe(400);
    const own = await ctx.asA(`/api/me/settings?personId=${ctx.idB}`, {
      method: 'PUT',
      body: JSON.stringify({ language: before.preferredLanguage === 'ru' ? 'uk' : 'ru' }),
    });
    expect(own.status).toBe(200);
    expectNothingOfB(ctx, await own.json());
    expect((await (await ctx.asB('/api/me')).json()).preferredLanguage).toBe(before.preferredLanguage);
  },

  'GET /api/sync': async (ctx) => {
    const theirs = await notifyB(ctx);
    for (const query of ['', `?personId=${ctx.idB}`]) {
      const res = await ctx.asA(`/api/sync${query}`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.changes.length).toBeGreaterThan(0);
      expectNothingOfB(ctx, body, theirs);
    }
  },

  'GET /api/changes/stream': async (ctx) => {
    const seq = async (id: string) =>
      Number(
        (await ctx.db.query<{ s: string }>('SELECT change_seq AS s FROM person_clocks WHERE person_id = $1', [id]))
          .rows[0]?.s ?? 0,
      );
    await notifyB(ctx);
    const abort = new AbortController();
    const res = await ctx.asA(`/api/changes/stream?personId=${ctx.idB}&subject=${ctx.idB}`, { signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const nextCursor = async () => {
      for (;;) {
        const match = /event: cursor\ndata: (\S+)\n\n/.exec(text);
        if (match) {
          text = text.slice(match.index + match[0].length);
          return match[1];
        }
        text += (await reader.read()).value ?? '';
      }
    };
    expect(await nextCursor()).toBe(encodeCursor(await seq(ctx.idA)));
    await notifyB(ctx); // B's change: nothing for A
    const text2 = { et: 'A', en: 'A', ru: 'A', uk: 'A' };
    await ctx.db.transaction((tx) => createNotification(tx, ctx.idA, { topic: 'general', title: text2, body: text2 }));
    expect(await nextCursor()).toBe(encodeCursor(await seq(ctx.idA)));
    expect(text).toBe('');
    abort.abort();
  },

  'POST /api/mutations': async (ctx) => {
    const theirs = await notifyB(ctx);
    const id = randomUUID();
    const res = await ctx.asA('/api/mutations', {
      method: 'POST',
      body: JSON.stringify({
        mutations: [
          { id, type: 'notification.read', payload: { notificationId: theirs }, createdAt: new Date().toISOString() },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results).toEqual([expect.objectContaining({ id, status: 'rejected', code: 'not_found' })]);
    const row = await ctx.db.query<{ read_at: unknown }>('SELECT read_at FROM notifications WHERE id = $1', [theirs]);
    expect(row.rows[0].read_at).toBeNull();
  },
};

const subscription = (name: string) => ({
  endpoint: `https://fcm.googleapis.com/fcm/send/${name}-${randomUUID()}`,
  keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'AAAAAAAAAAAAAAAAAAAAAA' },
});

async function subscribeB(ctx: Ctx): Promise<string> {
  const res = await ctx.asB('/api/push/subscriptions', { method: 'POST', body: JSON.stringify(subscription('b')) });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

Object.assign(PERSON_ROUTES, {
  'GET /api/push/subscriptions': async (ctx: Ctx) => {
    const theirs = await subscribeB(ctx);
    const res = await ctx.asA(`/api/push/subscriptions?personId=${ctx.idB}`);
    expect(res.status).toBe(200);
    expectNothingOfB(ctx, await res.json(), theirs);
  },
  'POST /api/push/subscriptions': async (ctx: Ctx) => {
    const res = await ctx.asA('/api/push/subscriptions', {
      method: 'POST',
      body: JSON.stringify({ ...subscription('a'), personId: ctx.idB }),
    });
    expect(res.status).toBe(201);
    const { rows } = await ctx.db.query<{ person_id: string }>(
      'SELECT person_id FROM push_subscriptions WHERE id = $1',
      [(await res.json()).id],
    );
    expect(rows[0].person_id).toBe(ctx.idA);
  },
  'DELETE /api/push/subscriptions/:id': async (ctx: Ctx) => {
    const theirs = await subscribeB(ctx);
    const res = await ctx.asA(`/api/push/subscriptions/${theirs}`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    const { rows } = await ctx.db.query('SELECT 1 FROM push_subscriptions WHERE id = $1', [theirs]);
    expect(rows).toHaveLength(1);
  },
});

// My data: the export, and a question about B's use of data (mutation data_use.ask).
Object.assign(PERSON_ROUTES, {
  'GET /api/me/export': async (ctx: Ctx) => {
    const theirs = await notifyB(ctx);
    const res = await ctx.asA(`/api/me/export?personId=${ctx.idB}&personalCode=${B}`);
    expect(res.status).toBe(200);
    // The zip is stored, not compressed: its bytes hold every text as written.
    const zip = new TextDecoder().decode(await res.arrayBuffer());
    expect(zip).toContain(A);
    expectNothingOfB(ctx, zip, theirs);

    const { rows } = await ctx.db.query<{ id: string }>(
      `INSERT INTO data_uses (person_id, source, agency_id, agency_event_id, register, register_name, categories,
         purpose_code, purpose, legal_basis, used_at)
       VALUES ($1, 'agency', 'ska', 'authorisation-b', 'population', '{}', '[]', 'family_benefit', '{}', '{}', now())
       RETURNING id`,
      [ctx.idB],
    );
    const id = randomUUID();
    const asked = await ctx.asA('/api/mutations', {
      method: 'POST',
      body: JSON.stringify({
        mutations: [
          {
            id,
            type: 'data_use.ask',
            payload: { questionId: randomUUID(), dataUseId: rows[0].id, text: 'Why?', language: 'en' },
            createdAt: new Date().toISOString(),
          },
        ],
      }),
    });
    expect((await asked.json()).results).toEqual([
      expect.objectContaining({ id, status: 'rejected', code: 'not_found' }),
    ]);
    const questions = await ctx.db.query('SELECT 1 FROM data_use_questions WHERE data_use_id = $1', [rows[0].id]);
    expect(questions.rows).toHaveLength(0);
  },
});

async function notifyB(ctx: Ctx): Promise<string> {
  const text = { et: 'B', en: 'B', ru: 'B', uk: 'B' };
  const row = await ctx.db.transaction((tx) =>
    createNotification(tx, ctx.idB, { topic: 'general', title: text, body: text }),
  );
  return row.id;
}

let db: Database;
let server: TestServer;
let ctx: Ctx;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startAuthServer(db, { AUTH_RATE_LIMIT: '10000' });
  const a = new CookieJar();
  const b = new CookieJar();
  await signIn(server.url, a, A);
  await signIn(server.url, b, B);
  ctx = {
    base: server.url,
    db,
    a,
    b,
    idA: await personId(db, A),
    idB: await personId(db, B),
    asA: (path, init) => appRequest(server.url, a, path, init),
    asB: (path, init) => appRequest(server.url, b, path, init),
  };
  // Middleware (`use`) shows as ALL on a wildcard path; every real endpoint has its method.
  const seen = new Set<string>();
  routes = server.app.routes
    .filter((r) => r.path.startsWith('/api/') && !(r.method === 'ALL' && r.path.endsWith('*')))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const isPublic = (path: string) => Object.keys(PUBLIC).some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('every /api route is public or in the A-vs-B suite', () => {
  it('has no unlisted route', () => {
    expect(routes.length).toBeGreaterThan(3);
    const unlisted = routes.filter((r) => !isPublic(r.path) && !(key(r) in PERSON_ROUTES)).map(key);
    expect(unlisted, 'add these to PERSON_ROUTES (with an A-vs-B check) or to PUBLIC').toEqual([]);
  });

  it('answers 401 JSON on every person-data route without a session', async () => {
    for (const route of routes.filter((r) => !isPublic(r.path))) {
      const path = route.path.replace(/:[^/]+/g, randomUUID());
      const hasBody = !['GET', 'HEAD', 'DELETE'].includes(route.method);
      const res = await appRequest(server.url, new CookieJar(), path, {
        method: route.method === 'ALL' ? 'GET' : route.method,
        body: hasBody ? '{}' : undefined,
      });
      expect(res.status, key(route)).toBe(401);
      expect(await res.json(), key(route)).toEqual({
        error: { code: 'unauthenticated', message: expect.any(String) },
      });
    }
  });
});

describe.each(Object.keys(PERSON_ROUTES))('A cannot reach B through %s', (route) => {
  it('gets only their own data', async () => {
    expect(
      routes.some((r) => key(r) === route),
      `${route} is listed but not mounted`,
    ).toBe(true);
    await PERSON_ROUTES[route](ctx);
  });
});

/**
 * Mandates: a person may reach someone else's data only by a mandate that holds now. For every way one
 * fails to hold, the subject-taking routes answer 404 (sync) or refuse the mutation, and nothing changes.
 */
describe('A cannot reach a subject without a mandate that holds', () => {
  const today = tallinnDate(new Date());
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  /** How each subject's mandate to A stands, and what a mutation for them is refused with. */
  const STATES: [string, Record<string, unknown>, string][] = [
    ['no mandate', {}, 'not_found'],
    ['expired', { kind: 'authorisation', valid_until: yesterday }, 'mandate_revoked'],
    ['revoked', { kind: 'authorisation', status: 'revoked' }, 'mandate_revoked'],
    ['declined', { kind: 'authorisation', status: 'declined' }, 'mandate_revoked'],
    ['a child who turned 18', { kind: 'parent', valid_until: yesterday }, 'mandate_revoked'],
    ['a parent whose rights were removed', { kind: 'parent', status: 'removed' }, 'mandate_revoked'],
    ['view only', { kind: 'authorisation', scope: 'view' }, 'mandate_scope'],
    ['another service', { kind: 'authorisation', services: ['retirement'] }, 'mandate_scope'],
  ];

  async function subjectWith(state: Record<string, unknown>): Promise<string> {
    const code = makePersonalCode('1960-01-01', 'female', 200 + Math.floor(Math.random() * 700));
    const { rows } = await ctx.db.query<{ id: string }>(
      `INSERT INTO persons (personal_code, given_name, family_name) VALUES ($1, 'Esindatav', 'Test')
       ON CONFLICT (personal_code) DO UPDATE SET given_name = excluded.given_name RETURNING id`,
      [code],
    );
    const id = rows[0].id;
    if (state.kind) {
      const ended = state.status && state.status !== 'active';
      await ctx.db.query(
        `INSERT INTO mandates (kind, actor_id, subject_id, scope, services, valid_until, status, ended_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          state.kind,
          ctx.idA,
          id,
          state.scope ?? 'act',
          state.services ?? null,
          state.valid_until ?? addToDate(today, 1),
          state.status ?? 'active',
          ended ? new Date() : null,
        ],
      );
    }
    return id;
  }

  it.each(STATES)('%s', async (name, state, code) => {
    const subject = await subjectWith(state);
    const text = { et: 'S', en: 'S', ru: 'S', uk: 'S' };
    const notification = await ctx.db.transaction((tx) =>
      createNotification(tx, subject, { topic: 'general', title: text, body: text }),
    );
    const sync = await ctx.asA(`/api/sync?subject=${subject}`);
    if (code === 'mandate_scope') {
      // A may see some of it, but never this message, which names no service, when the mandate names services.
      expect(sync.status, name).toBe(200);
      if (state.services) expect(JSON.stringify(await sync.json())).not.toContain(notification.id);
    } else {
      expect(sync.status, name).toBe(404);
      expect(await sync.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
    const id = randomUUID();
    const res = await ctx.asA('/api/mutations', {
      method: 'POST',
      body: JSON.stringify({
        mutations: [
          {
            id,
            type: 'notification.read',
            payload: { notificationId: notification.id },
            createdAt: new Date().toISOString(),
            subject,
          },
        ],
      }),
    });
    expect((await res.json()).results).toEqual([expect.objectContaining({ id, status: 'rejected', code })]);
    const row = await ctx.db.query<{ read_at: unknown }>('SELECT read_at FROM notifications WHERE id = $1', [
      notification.id,
    ]);
    expect(row.rows[0].read_at).toBeNull();
    expect((await ctx.db.query('SELECT 1 FROM applied_mutations WHERE id = $1', [id])).rows).toHaveLength(0);
  });
});

/**
 * The uses of a subject's data: whoever may see the subject sees them (a mandate for chosen services,
 * only the uses that served those services); only a mandate to act lets them ask about one, within its
 * services.
 */
describe("a guardian or representative sees the subject's data uses, and asks about them only as the mandate allows", () => {
  let n = 0;
  async function subjectWith(mandate: { kind: string; scope: string; services: string[] | null }) {
    const code = makePersonalCode('2015-05-05', 'male', 300 + (++n % 600));
    const { rows } = await ctx.db.query<{ id: string }>(
      `INSERT INTO persons (personal_code, given_name, family_name) VALUES ($1, 'Laps', 'Test') RETURNING id`,
      [code],
    );
    await ctx.db.query(
      `INSERT INTO mandates (kind, actor_id, subject_id, scope, services, valid_until, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'active')`,
      [mandate.kind, ctx.idA, rows[0].id, mandate.scope, mandate.services, addToDate(tallinnDate(new Date()), 1)],
    );
    return rows[0].id;
  }

  /** A use of the subject's data, for a sub-service or none, in their change log. */
  async function useOf(subject: string, subServiceId: string | null) {
    return ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO data_uses (person_id, source, agency_id, agency_event_id, register, register_name, categories,
           purpose_code, purpose, legal_basis, sub_service_id, used_at)
         VALUES ($1, 'agency', 'ska', $2, 'population', '{"et":"R","en":"R","ru":"R","uk":"R"}', '[]',
           'family_benefit', '{"et":"P","en":"P","ru":"P","uk":"P"}', '{"et":"L","en":"L","ru":"L","uk":"L"}', $3, now())
         RETURNING id`,
        [subject, `guardian-${randomUUID()}`, subServiceId],
      );
      const { rows: made } = await tx.query<{ row: Record<string, unknown> }>(
        `SELECT ${dataUseJson('d')} AS row FROM data_use_entries d WHERE d.id = $1`,
        [rows[0].id],
      );
      await recordChange(tx, subject, 'data_use', rows[0].id, made[0].row);
      return rows[0].id;
    });
  }

  const seen = async (subject: string) => {
    const res = await ctx.asA(`/api/sync?subject=${subject}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { changes: { entity: string; id: string }[] };
    return body.changes.filter((c) => c.entity === 'data_use').map((c) => c.id);
  };

  async function ask(subject: string, dataUseId: string) {
    const id = randomUUID();
    const questionId = randomUUID();
    const res = await ctx.asA('/api/mutations', {
      method: 'POST',
      body: JSON.stringify({
        mutations: [
          {
            id,
            type: 'data_use.ask',
            payload: { questionId, dataUseId, text: 'Why my child?', language: 'en' },
            createdAt: new Date().toISOString(),
            subject,
          },
        ],
      }),
    });
    const [result] = (await res.json()).results;
    const { rows } = await ctx.db.query<{ person_id: string }>(
      'SELECT person_id FROM data_use_questions WHERE id = $1',
      [questionId],
    );
    return { status: result.status, code: result.code, askedFor: rows[0]?.person_id };
  }

  it('a parent sees every use of the child’s data and asks about it for the child', async () => {
    const child = await subjectWith({ kind: 'parent', scope: 'act', services: null });
    const general = await useOf(child, null);
    const allowance = await useOf(child, 'child-allowance');
    expect((await seen(child)).sort()).toEqual([general, allowance].sort());
    expect(await ask(child, general)).toEqual({ status: 'applied', code: undefined, askedFor: child });
    // The thread comes back to the parent with the question in it.
    const res = await ctx.asA(`/api/sync?subject=${child}`);
    const rows = (await res.json()).changes.filter((c: { id: string }) => c.id === general);
    expect(rows[0].data.questions).toEqual([expect.objectContaining({ text: 'Why my child?' })]);
  });

  it('view only: sees the uses, may not ask', async () => {
    const subject = await subjectWith({ kind: 'authorisation', scope: 'view', services: null });
    const use = await useOf(subject, 'child-allowance');
    expect(await seen(subject)).toEqual([use]);
    expect(await ask(subject, use)).toEqual({ status: 'rejected', code: 'mandate_scope', askedFor: undefined });
  });

  it('for chosen services: only the uses that served them, and asks only about those', async () => {
    const subject = await subjectWith({ kind: 'authorisation', scope: 'act', services: ['retirement'] });
    const pension = await useOf(subject, 'pension-old-age-offer');
    const family = await useOf(subject, 'child-allowance');
    const general = await useOf(subject, null);
    expect(await seen(subject)).toEqual([pension]);
    expect(await ask(subject, family)).toEqual({ status: 'rejected', code: 'mandate_scope', askedFor: undefined });
    expect(await ask(subject, general)).toEqual({ status: 'rejected', code: 'mandate_scope', askedFor: undefined });
    expect((await ask(subject, pension)).askedFor).toBe(subject);
    // Someone else's use, named with this subject, is nobody's to ask about here.
    const other = await subjectWith({ kind: 'parent', scope: 'act', services: null });
    const theirs = await useOf(other, 'pension-old-age-offer');
    expect(await ask(subject, theirs)).toEqual({ status: 'rejected', code: 'not_found', askedFor: undefined });
  });
});
