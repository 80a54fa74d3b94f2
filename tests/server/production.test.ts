import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevIdp } from '../../src/server/auth/dev-idp';
import { newDevIdpKeys } from '../../src/server/auth/dev-idp-store';
import { hit } from '../../src/server/auth/rate-limit';
import { type Database, DatabaseBusyError, openDatabase } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { createJobRunner, type Job } from '../../src/server/jobs';
import { pruneRetained, RETENTION } from '../../src/server/jobs/retention';
import { createLogger } from '../../src/server/log';
import { demoCodes } from '../../src/server/seed/people';
import { recordChange } from '../../src/server/sync/changes';
import { pullChanges } from '../../src/server/sync/pull';
import { testApp } from './app';
import { appRequest, CookieJar, signIn, startAuthServer } from './auth-harness';
import { openTestDatabase } from './db';

let db: Database;
const log = createLogger('silent');

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

async function personId(code: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM persons WHERE personal_code = $1', [code]);
  return rows[0].id;
}

describe('rate limits in the database', () => {
  it('count one window across every process that shares the database', async () => {
    const key = `test:${Math.random()}`;
    // Two "processes" hitting at once: each count is taken exactly once.
    const counts = await Promise.all(Array.from({ length: 10 }, () => hit(db, key, 60)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const c of counts) expect(c.resetIn).toBeGreaterThanOrEqual(1);
    // A new window starts again from one.
    await db.query(`UPDATE rate_limits SET window_start = window_start - interval '1 hour' WHERE key = $1`, [key]);
    expect((await hit(db, key, 60)).count).toBe(1);
  });
});

describe('jobs', () => {
  it('run a leased job in one process at a time, and back off after a failure', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const job: Job = {
      name: `test-lease-${Math.random()}`,
      everyMs: 60_000,
      run: async () => {
        runs++;
        await new Promise<void>((done) => (release = done));
        return 0;
      },
    };
    const a = createJobRunner({ db, log, jobs: [job] });
    const b = createJobRunner({ db, log, jobs: [job] });
    const first = a.runOnce(job);
    await expect.poll(() => runs).toBe(1);
    expect(await b.runOnce(job)).toBeNull(); // a holds the lease
    release();
    expect(await first).toBe(0);
    expect(await b.runOnce(job)).toBeNull(); // ran, idle: not due again for everyMs
    expect(runs).toBe(1);

    const failing: Job = {
      name: `test-fail-${Math.random()}`,
      everyMs: 0,
      run: () => Promise.reject(new Error('down')),
    };
    await expect(a.runOnce(failing)).rejects.toThrow('down');
    expect(await b.runOnce(failing)).toBeNull(); // backing off
    const { rows } = await db.query<{ failures: number; last_error: string; wait: number }>(
      `SELECT failures, last_error, extract(epoch FROM next_run_at - now())::float AS wait FROM jobs WHERE name = $1`,
      [failing.name],
    );
    expect(rows[0]).toMatchObject({ failures: 1, last_error: 'down' });
    expect(rows[0].wait).toBeGreaterThan(3);
  });

  it('/api/ready shows the database, the migrations and each job; a failing job makes it 503', async () => {
    const app = testApp(db, { jobs: { started: true } });
    const ok = await app.request('/api/ready');
    const body = (await ok.json()) as {
      status: string;
      database: { pendingMigrations: string[] };
      jobs: { list: { name: string }[] };
    };
    expect(ok.status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.database.pendingMigrations).toEqual([]);
    expect(body.jobs.list.length).toBeGreaterThan(0);
    await db.query(`INSERT INTO jobs (name, failures) VALUES ('test-broken', 5)`);
    const failing = await app.request('/api/ready');
    expect(failing.status).toBe(503);
    expect(((await failing.json()) as { jobs: { failing: string[] } }).jobs.failing).toEqual(['test-broken']);
    await db.query(`DELETE FROM jobs WHERE name = 'test-broken'`);
    expect((await app.request('/api/health')).status).toBe(200);
  });
});

describe('retention', () => {
  it('prunes what is no longer needed, and a cursor older than the kept log gets a full resync', async () => {
    const kadri = await personId(demoCodes.kadri);
    await recordChange(db, kadri, 'notification', 'gone-soon', { id: 'gone-soon' });
    const before = await pullChanges(db, kadri, 0, 500);
    const oldCursor = Number(Buffer.from(before.cursor.slice(3), 'base64url').toString());
    await recordChange(db, kadri, 'notification', 'gone-soon', null); // a tombstone
    await db.query(
      `UPDATE person_changes SET changed_at = now() - make_interval(days => $2)
       WHERE person_id = $1 AND entity_id = 'gone-soon'`,
      [kadri, RETENTION.tombstoneDays + 1],
    );
    await db.query(
      `INSERT INTO applied_mutations (id, person_id, type, status, applied_at)
       VALUES ('00000000-0000-4000-8000-000000000001', $1, 'notification.read', 'applied', now() - interval '31 days'),
              ('00000000-0000-4000-8000-000000000002', $1, 'notification.read', 'applied', now() - interval '29 days')`,
      [kadri],
    );
    await db.query(
      `INSERT INTO sessions (id_hash, person_id, provider_sub, idle_expires_at, absolute_expires_at)
       VALUES ('test-ended', $1, 'EE', now() - interval '1 minute', now() + interval '1 hour')`,
      [kadri],
    );

    expect(await pruneRetained(db)).toBeGreaterThanOrEqual(3);
    const left = await db.query<{ id: string }>(
      `SELECT id::text FROM applied_mutations WHERE id IN ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002')`,
    );
    expect(left.rows.map((r) => r.id)).toEqual(['00000000-0000-4000-8000-000000000002']);
    expect((await db.query(`SELECT 1 FROM sessions WHERE id_hash = 'test-ended'`)).rows).toEqual([]);
    expect((await db.query(`SELECT 1 FROM person_changes WHERE entity_id = 'gone-soon'`)).rows).toEqual([]);

    // The old cursor has not seen the deletion, which is gone from the log: start again, not a gap.
    await expect(pullChanges(db, kadri, oldCursor, 500)).rejects.toMatchObject({ status: 400, code: 'bad_cursor' });
    const fresh = await pullChanges(db, kadri, 0, 500);
    expect(fresh.changes.some((c) => c.id === 'gone-soon')).toBe(false);
    const latest = Number(Buffer.from(fresh.cursor.slice(3), 'base64url').toString());
    await expect(pullChanges(db, kadri, latest, 500)).resolves.toMatchObject({ changes: [] });
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('the embedded database under load', () => {
  it('answers 503 with Retry-After past its queue bound, rather than letting every request wait', async () => {
    const small = await openDatabase({ queueLimit: 4 });
    try {
      await migrate(small);
      await expect(Promise.all(Array.from({ length: 20 }, () => small.query('SELECT 1')))).rejects.toBeInstanceOf(
        DatabaseBusyError,
      );
      const app = testApp(small);
      const answers = await Promise.all(Array.from({ length: 30 }, () => app.request('/api/catalogue')));
      const statuses = answers.map((r) => r.status);
      expect(statuses).toContain(200);
      expect(statuses).toContain(503);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      const busy = answers.find((r) => r.status === 503)!;
      expect(busy.headers.get('Retry-After')).toBe('1');
      expect(await busy.json()).toMatchObject({ error: { code: 'busy' } });
      const health = await Promise.all(Array.from({ length: 30 }, () => app.request('/api/health')));
      const refused = health.filter((r) => r.status !== 200);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) {
        expect(r.status).toBe(503);
        expect(r.headers.get('Retry-After')).toBe('1');
      }
      // Once the burst is over, it answers again.
      expect((await app.request('/api/catalogue')).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('the development provider', () => {
  it('keeps its sessions and refresh tokens in the database: a restarted provider with the same keys knows them', async () => {
    const keys = newDevIdpKeys();
    const server = await startAuthServer(db, {}, keys);
    try {
      const jar = new CookieJar();
      await signIn(server.url, jar, demoCodes.kadri);
      expect((await appRequest(server.url, jar, '/api/me')).status).toBe(200);
      const { rows } = await db.query<{ refresh_token: string }>(
        `SELECT s.refresh_token FROM sessions s JOIN persons p ON p.id = s.person_id
         WHERE p.personal_code = $1 AND s.refresh_token IS NOT NULL ORDER BY s.created_at DESC LIMIT 1`,
        [demoCodes.kadri],
      );
      expect(rows[0]?.refresh_token).toBeTruthy();
      const models = await db.query<{ model: string }>('SELECT DISTINCT model FROM oidc_store ORDER BY model');
      expect(models.rows.map((r) => r.model)).toEqual(expect.arrayContaining(['Grant', 'RefreshToken', 'Session']));
      // A new provider (a restart, or another process) with the same keys finds the refresh token.
      const restarted = createDevIdp({ config: server.config, db, log, keys });
      const found = await restarted.provider.RefreshToken.find(rows[0].refresh_token);
      expect(found?.accountId).toBe(`EE${demoCodes.kadri}`);
    } finally {
      await server.close();
    }
  });
});
