/**
 * npm run bench:embedded-load [-- --connections 200 --seconds 10]: GET /api/health from N keep-alive
 * connections at once, as fast as each gets its answers, on the embedded database (PGlite, one
 * connection, its queue bounded by DATABASE_QUEUE_LIMIT). Prints throughput, latencies and answers.
 * Fails (exit 1) if any request went a second without an answer, failed without one, or was refused
 * without a Retry-After: under load the embedded database must say "busy" at once, not keep people waiting.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { getRequestListener } from '@hono/node-server';
import webpush from 'web-push';
import { createApp } from '../src/server/app';
import { loadAuthConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { createLogger } from '../src/server/log';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const connections = arg('connections', 200);
const seconds = arg('seconds', 10);
/** The longest a request may wait for its answer. */
const ANSWER_WITHIN_MS = 1_000;

// The API alone, as main.ts mounts it, on a fresh embedded database with the configured queue limit.
const db = await openDatabase({ queueLimit: Number(process.env.DATABASE_QUEUE_LIMIT ?? 100) });
await migrate(db);
const http = createServer();
await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
const { port } = http.address() as AddressInfo;
const app = createApp({
  db,
  log: createLogger('warn'),
  auth: loadAuthConfig({ PUBLIC_URL: `http://localhost:${port}` }, port),
  vapid: { ...webpush.generateVAPIDKeys(), subject: 'mailto:bench@minuriik.example' },
});
http.on('request', getRequestListener(app.fetch));
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const url = new URL('/api/health', `http://127.0.0.1:${port}`);
const latencies: number[] = [];
const statuses = new Map<string, number>();
let refusedWithoutRetryAfter = 0;
let failed = 0;

function get(): Promise<void> {
  const started = performance.now();
  return new Promise((done) => {
    const req = request(url, { agent, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => {
        latencies.push(performance.now() - started);
        const key = String(res.statusCode);
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (res.statusCode === 503 && !res.headers['retry-after']) refusedWithoutRetryAfter++;
        done();
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => {
      failed++;
      done();
    });
    req.end();
  });
}

try {
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) await get();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const slow = sorted.filter((v) => v > ANSWER_WITHIN_MS).length;
  console.log(
    `GET /api/health, ${connections} connections, ${elapsed.toFixed(1)} s, embedded database, queue limit ${process.env.DATABASE_QUEUE_LIMIT ?? 100}`,
  );
  console.log(`  answers      ${latencies.length}  (${Math.round(latencies.length / elapsed)}/s)`);
  console.log(`  by status    ${[...statuses].map(([s, n]) => `${s}: ${n}`).join(', ')}`);
  console.log(`  latency      p50 ${ms(at(50))}, p95 ${ms(at(95))}, p99 ${ms(at(99))}, max ${ms(sorted.at(-1) ?? 0)}`);
  console.log(
    `  over ${ANSWER_WITHIN_MS} ms ${slow}, no answer ${failed}, 503 without Retry-After ${refusedWithoutRetryAfter}`,
  );
  const other = [...statuses.keys()].filter((s) => s !== '200' && s !== '503');
  if (slow > 0 || failed > 0 || refusedWithoutRetryAfter > 0 || other.length > 0) {
    console.error('FAIL: every request must get an answer (200, or 503 busy with Retry-After) within a second');
    process.exitCode = 1;
  }
} finally {
  agent.destroy();
  http.closeAllConnections();
  await new Promise<void>((done) => http.close(() => done()));
  await db.close();
}
