import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePersonalCode } from '../../src/contract/isikukood';
import { createAgencyKey } from '../../src/server/agency/keys';
import { type Database, openDatabase } from '../../src/server/db/database';
import { createNotification } from '../../src/server/notifications/store';
import { demoCodes } from '../../src/server/seed/people';
import { startMockPushService } from '../support/mock-push-service';
import { appRequest, CookieJar, signIn } from './auth-harness';

/**
 * Two real API processes (`node src/server/main.ts`) on two ports against one PostgreSQL schema: what
 * several processes share must live in the database. Only on PostgreSQL: the embedded database is one
 * process's. CI runs it (.ci/run runs the server project with DATABASE_URL).
 */
const url = process.env.DATABASE_URL;

interface Proc {
  base: string;
  child: ChildProcess;
  output: string[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

async function startProcess(env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 60 s:\n${output.join('')}`)), 60_000);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (chunk.toString().includes('Minu riik listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${output.join('')}`)));
  });
  return { base, child, output };
}

let admin: Database;
let db: Database;
let schema: string;
let staticDir: string;
let a: Proc;
let b: Proc;
let mock: Awaited<ReturnType<typeof startMockPushService>>;

beforeAll(async () => {
  if (!url) return;
  schema = `test_${randomBytes(6).toString('hex')}`;
  admin = await openDatabase({ databaseUrl: url });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  staticDir = mkdtempSync(join(tmpdir(), 'two-process-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Minu riik</title>');
  mock = await startMockPushService();
  const env = {
    DATABASE_URL: scoped.toString(),
    STATIC_DIR: staticDir,
    AUTH_RATE_LIMIT: '40',
    AUTH_RATE_WINDOW_SECONDS: '3600',
    // The mock push service: allowed as a push service, its certificate made for the run, on loopback.
    PUSH_ALLOWED_ORIGINS: mock.origin,
    NODE_TLS_REJECT_UNAUTHORIZED: '0',
  };
  // Both start at once: migrations and the demo seed take turns.
  [a, b] = await Promise.all([startProcess(env), startProcess(env)]);
  db = await openDatabase({ databaseUrl: scoped.toString() });
}, 120_000);

afterAll(async () => {
  if (!url) return;
  for (const p of [a, b]) p?.child.kill('SIGTERM');
  await Promise.all(
    [a, b].map(
      (p) => p && new Promise<void>((done) => (p.child.exitCode !== null ? done() : p.child.on('exit', () => done()))),
    ),
  );
  await db?.close();
  await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
  await admin.close();
  mock?.close?.();
  rmSync(staticDir, { recursive: true, force: true });
}, 60_000);

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT (${sql})::int AS n`, params);
  return rows[0].n;
}

describe.skipIf(!url)('two API processes on one PostgreSQL (skipped: DATABASE_URL is not set)', () => {
  it('started together, seeded the demo once', async () => {
    expect(await count(`SELECT count(*) FROM persons WHERE personal_code = $1`, [demoCodes.kadri])).toBe(1);
    const kadri = `SELECT id FROM persons WHERE personal_code = '${demoCodes.kadri}'`;
    const cases = await count(`SELECT count(*) FROM cases WHERE person_id = (${kadri})`);
    expect(cases).toBeGreaterThan(0);
    expect(await count(`SELECT count(DISTINCT event_service_id) FROM cases WHERE person_id = (${kadri})`)).toBe(cases);
  });

  it('a session made on one works on the other, and a mutation retried on the other applies once', async () => {
    const jar = new CookieJar();
    await signIn(a.base, jar, demoCodes.kadri);
    const onA = await appRequest(a.base, jar, '/api/me');
    const onB = await appRequest(b.base, jar, '/api/me');
    expect(onA.status).toBe(200);
    expect(onB.status).toBe(200);
    const me = (await onB.json()) as { personalCode: string; personId: string };
    expect(me.personalCode).toBe(demoCodes.kadri);

    const { rows } = await db.query<{ id: string }>(
      'SELECT id FROM notifications WHERE person_id = $1 AND read_at IS NULL LIMIT 1',
      [me.personId],
    );
    const mutation = {
      id: randomUUID(),
      type: 'notification.read',
      payload: { notificationId: rows[0].id },
      createdAt: new Date().toISOString(),
    };
    const send = (base: string) =>
      appRequest(base, jar, '/api/mutations', { method: 'POST', body: JSON.stringify({ mutations: [mutation] }) }).then(
        (r) => r.json() as Promise<{ results: { status: string }[] }>,
      );
    const [first, second] = await Promise.all([send(a.base), send(b.base)]);
    expect([first.results[0].status, second.results[0].status].sort()).toEqual(['applied', 'duplicate']);
    expect(await count('SELECT count(*) FROM applied_mutations WHERE id = $1', [mutation.id])).toBe(1);
  });

  it('an agency event posted to both at once makes one set of offers', async () => {
    const { key } = await createAgencyKey(db, 'siseministeerium', { scopes: ['population.birth_registered'] });
    const parents: string[] = [];
    for (const [sex, serial] of [
      ['female', 771],
      ['male', 772],
    ] as const) {
      const code = makePersonalCode('1990-02-02', sex, serial);
      await db.query(
        `INSERT INTO persons (personal_code, given_name, family_name, facts) VALUES ($1, 'Test', 'Vanem', $2)`,
        [
          code,
          {
            sex,
            birthDate: '1990-02-02',
            citizenship: 'EE',
            residence: { country: 'EE', municipality: 'Tartu linn', since: '2000-01-01' },
            maritalStatus: 'married',
            children: [],
          },
        ],
      );
      parents.push(code);
    }
    const event = {
      id: `birth-two-process-${randomUUID()}`,
      type: 'population.birth_registered',
      occurredAt: new Date().toISOString(),
      children: [
        {
          personalCode: makePersonalCode('2026-11-01', 'male', 773),
          givenName: 'Mart',
          familyName: 'Vanem',
          birthDate: '2026-11-01',
        },
      ],
      parents: [
        { personalCode: parents[0], role: 'mother' },
        { personalCode: parents[1], role: 'father' },
      ],
    };
    const post = (base: string) =>
      fetch(`${base}/api/agency/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(event),
      });
    const answers = await Promise.all([post(a.base), post(b.base)]);
    for (const r of answers) expect(r.status, await r.clone().text()).toBeLessThan(300);
    const replayed = await Promise.all(answers.map((r) => r.json() as Promise<{ replayed: boolean }>));
    expect(replayed.map((r) => r.replayed).sort()).toEqual([false, true]);
    const offers = `SELECT count(*) FROM offers o JOIN persons p ON p.id = o.person_id WHERE p.personal_code = ANY($1)`;
    expect(await count(offers, [parents])).toBeGreaterThan(0);
    // Posted again to either, nothing more.
    const before = await count(offers, [parents]);
    await post(b.base);
    expect(await count(offers, [parents])).toBe(before);
    expect(await count('SELECT count(*) FROM agency_events WHERE event_id = $1', [event.id])).toBe(1);
  });

  it('sends each push delivery once and notifies a feedback request once', async () => {
    const code = makePersonalCode('1985-03-03', 'female', 774);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO persons (personal_code, given_name, family_name) VALUES ($1, 'Test', 'Teavitus') RETURNING id`,
      [code],
    );
    const person = rows[0].id;
    const sub = mock.subscription();
    const { rows: vapid } = await db.query<{ value: { publicKey: string } }>(
      `SELECT value FROM server_keys WHERE name = 'vapid'`,
    );
    await db.query(
      `INSERT INTO push_subscriptions (person_id, endpoint, p256dh, auth, vapid_public_key) VALUES ($1, $2, $3, $4, $5)`,
      [person, sub.endpoint, sub.keys.p256dh, sub.keys.auth, vapid[0].value.publicKey],
    );
    const texts = { et: 'Tere', en: 'Hello', ru: 'Привет', uk: 'Привіт' };
    const pushes = 30;
    await db.transaction(async (tx) => {
      for (let i = 0; i < pushes; i++) {
        await createNotification(tx, person, { topic: 'general', title: texts, body: texts, urgent: true });
      }
    });
    await db.query(
      `INSERT INTO feedback_requests (person_id, sub_service_id, agency_id, event_service_id, question, available_at, expires_at)
       SELECT $1, s.id, s.agency_id, s.event_service_id, 'recommend', now() - interval '1 minute', now() + interval '30 days'
       FROM sub_services s ORDER BY s.id LIMIT 1`,
      [person],
    );
    // Due now rather than at its next minute.
    await db.query(`UPDATE jobs SET next_run_at = now() WHERE name = 'feedback-notices'`);
    const sent = `SELECT count(*) FROM push_deliveries d JOIN push_subscriptions s ON s.id = d.subscription_id
                  WHERE s.person_id = $1 AND d.status = 'sent'`;
    await expect.poll(() => count(sent, [person]), { timeout: 60_000, interval: 300 }).toBe(pushes);
    expect(mock.received.filter((r) => sub.endpoint.endsWith(r.path)).length).toBe(pushes);
    const notices = `SELECT count(*) FROM notifications WHERE person_id = $1 AND topic = 'feedback'`;
    await expect.poll(() => count(notices, [person]), { timeout: 30_000, interval: 300 }).toBe(1);
    // Both processes keep running the job: still one notice.
    await db.query(`UPDATE jobs SET next_run_at = now() WHERE name = 'feedback-notices'`);
    await expect
      .poll(() => count(`SELECT runs FROM jobs WHERE name = 'feedback-notices'`), { timeout: 30_000 })
      .toBeGreaterThan(1);
    expect(await count(notices, [person])).toBe(1);
    expect(await count(`SELECT count(*) FROM push_deliveries WHERE attempts > 1`)).toBe(0);
  }, 120_000);

  it('counts the sign-in rate limit across both', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const r = await fetch(`${[a, b][i % 2].base}/auth/session`);
      statuses.push(r.status);
    }
    // 40 in the window in all, not 40 each; sign-ins above used some of them.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect(statuses.lastIndexOf(200)).toBeLessThan(statuses.indexOf(429) + 1);
  });
});
