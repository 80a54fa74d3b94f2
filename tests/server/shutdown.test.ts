import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { loadAuthConfig } from '../../src/server/auth';
import { createLogger } from '../../src/server/log';
import { createShutdown } from '../../src/server/shutdown';
import { testVapid } from './app';
import { appRequest, CookieJar, signIn } from './auth-harness';
import { openTestDatabase } from './db';

/** What SIGTERM runs (main.ts): the requests in flight are answered, then workers and database stop. */

async function start() {
  const db = await openTestDatabase();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = createApp({
    db,
    log: createLogger('silent'),
    auth: loadAuthConfig({ PUBLIC_URL: url, AUTH_RATE_LIMIT: '100000' }),
    vapid: testVapid,
  });
  const hono = getRequestListener(app.fetch);
  const seen = { requests: 0, answered: 0 };
  server.on('request', (req, res) => {
    if (req.url === '/api/mutations') {
      seen.requests++;
      res.on('finish', () => seen.answered++);
    }
    return app.devIdp?.owns(req.url) ? app.devIdp.handle(req, res) : hono(req, res);
  });
  const order: string[] = [];
  const shutdown = (graceMs: number) =>
    createShutdown({
      server,
      graceMs,
      stopWorkers: () => void order.push('workers'),
      closeDatabase: async () => {
        order.push('database');
        await db.close();
      },
      log: createLogger('silent'),
    });
  return { db, server, url, seen, order, shutdown };
}

describe('graceful shutdown', () => {
  it('answers all 40 mutation batches in flight, then stops the workers, then closes the database', async () => {
    const { db, url, seen, order, shutdown } = await start();
    const jar = new CookieJar();
    await signIn(url, jar, '24304142717');
    // Holds the person's row (on PGlite, the one connection), so all 40 are in flight at once.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const gate = db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM persons WHERE personal_code = '24304142717' FOR UPDATE`);
      locked();
      await held;
    });
    await isLocked;
    const batches = Array.from({ length: 40 }, (_, n) =>
      Array.from({ length: 10 }, (_, i) => ({
        id: randomUUID(),
        type: 'settings.update',
        payload: { language: (n + i) % 2 ? 'en' : 'et' },
        createdAt: new Date().toISOString(),
      })),
    );
    const answers = batches.map((mutations) =>
      appRequest(url, jar, '/api/mutations', { method: 'POST', body: JSON.stringify({ mutations }) }).then(
        async (res) => ({ status: res.status, body: (await res.json()) as { results: unknown[] } }),
        (error: unknown) => ({ status: 0, body: { results: [] as unknown[] }, error }),
      ),
    );
    while (seen.requests < 40) await new Promise((r) => setTimeout(r, 2));
    const inFlight = seen.requests - seen.answered;
    const stopped = shutdown(10_000)();
    setTimeout(release, 100);
    await gate;
    const results = await Promise.all(answers);
    await stopped;
    console.info(
      `SIGTERM with ${inFlight} of 40 batches in flight: ${results.filter((r) => r.status === 200).length} answered`,
    );
    expect(inFlight).toBeGreaterThan(0);
    for (const [n, result] of results.entries()) {
      expect(result.status, `batch ${n}`).toBe(200);
      expect(result.body.results, `batch ${n}`).toHaveLength(10);
    }
    expect(order).toEqual(['workers', 'database']);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  }, 120_000);

  it('cuts a request that outlasts the grace period, and still closes everything', async () => {
    const { server, url, order, shutdown } = await start();
    const arrived = new Promise((resolve) => server.once('request', resolve));
    // A body that never ends: the request stays in flight until its connection is cut.
    const req = httpRequest(`${url}/api/agency/events`, {
      method: 'POST',
      headers: { 'Transfer-Encoding': 'chunked', 'Content-Type': 'application/json' },
    });
    const cut = new Promise<string>((resolve) => {
      req.on('error', (error) => resolve(String(error)));
      req.on('response', (res) => resolve(`answered ${res.statusCode}`));
    });
    req.write('{"id":');
    // In flight once the server has it (a fixed sleep lost the race while the dev provider loads).
    await arrived;
    const started = performance.now();
    await shutdown(300)();
    const ms = performance.now() - started;
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(await cut).toMatch(/socket hang up|ECONNRESET|answered/);
    expect(order).toEqual(['workers', 'database']);
  }, 120_000);
});
