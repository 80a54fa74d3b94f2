/**
 * npm run bench:embedded-load [-- --connections 200 --seconds 10]: GET /api/health from N keep-alive
 * connections at once, each sending its next request on its answer, against the API in a process of
 * its own on the embedded database (PGlite: one connection, its queue bounded by DATABASE_QUEUE_LIMIT),
 * with the load shedding main.ts configures (MAX_REQUESTS_IN_FLIGHT, MAX_REQUESTS_WAITING,
 * MAX_REQUEST_WAIT_MS; MAX_REQUESTS_IN_FLIGHT=100000 turns it practically off). Prints throughput,
 * latencies, answers by status and the answers in each second. Exits 1 if a request went a second
 * without an answer, failed without one, was refused without Retry-After, or a whole second passed
 * with no answer: under load the server says "busy" at once. `--hold-ms 400` has a background task
 * hold the database's one connection that long every second, as a long job transaction would.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { getRequestListener } from '@hono/node-server';
import webpush from 'web-push';
import { createApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { createLogger } from '../src/server/log';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const config = loadConfig({ ...process.env, DATABASE_URL: undefined, DEMO: 'true', PUBLIC_URL: undefined });
const { queueLimit } = config.database;
/** The longest a request may wait for its answer. */
const ANSWER_WITHIN_MS = 1_000;

/** The API alone, as main.ts mounts it, on a fresh embedded database; prints its port. */
async function serve() {
  const db = await openDatabase({ queueLimit });
  await migrate(db);
  const http = createServer();
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const { port } = http.address() as AddressInfo;
  const app = createApp({
    db,
    log: createLogger('warn'),
    auth: loadConfig({ PUBLIC_URL: `http://localhost:${port}`, PORT: String(port) }).auth,
    inFlight: config.inFlight,
    vapid: { ...webpush.generateVAPIDKeys(), subject: 'mailto:bench@minuriik.example' },
  });
  http.on('request', getRequestListener(app.fetch));
  const hold = arg('hold-ms', 0);
  if (hold > 0) {
    const holding = () => db.transaction(() => new Promise((done) => setTimeout(done, hold))).catch(() => undefined);
    setInterval(holding, 1000).unref();
  }
  process.stdout.write(`${port}\n`);
}

async function load() {
  const connections = arg('connections', 200);
  const seconds = arg('seconds', 10);
  const hold = arg('hold-ms', 0);
  const child = spawn(process.execPath, ['--import', 'tsx', process.argv[1], '--serve', '--hold-ms', String(hold)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [first] = (await once(child.stdout!, 'data')) as [Buffer];
  const url = new URL('/api/health', `http://127.0.0.1:${Number(first.toString().trim())}`);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  /** Answers by the second (since the start) they arrived in. */
  const perSecond: number[] = [];
  let started = 0;
  const statuses = new Map<string, number>();
  const failures = new Map<string, number>();
  let refusedWithoutRetryAfter = 0;

  const get = () =>
    new Promise<void>((done) => {
      const requested = performance.now();
      const req = request(url, { agent, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', () => {
          const now = performance.now();
          latencies.push(now - requested);
          const second = Math.floor((now - started) / 1000);
          perSecond[second] = (perSecond[second] ?? 0) + 1;
          statuses.set(String(res.statusCode), (statuses.get(String(res.statusCode)) ?? 0) + 1);
          if (res.statusCode === 503 && !res.headers['retry-after']) refusedWithoutRetryAfter++;
          done();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error: NodeJS.ErrnoException) => {
        const key = error.code ?? error.message;
        failures.set(key, (failures.get(key) ?? 0) + 1);
        done();
      });
      req.end();
    });

  try {
    started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) await get();
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const slow = sorted.filter((v) => v > ANSWER_WITHIN_MS).length;
    const failed = [...failures.values()].reduce((a, b) => a + b, 0);
    const list = (m: Map<string, number>) => [...m].map(([k, n]) => `${k}: ${n}`).join(', ') || 'none';
    const shedding = config.inFlight
      ? `${config.inFlight.max} in flight, ${config.inFlight.waiting} waiting ≤ ${config.inFlight.waitMs} ms`
      : 'no load shedding';
    console.log(
      `GET /api/health, ${connections} connections, ${elapsed.toFixed(1)} s, embedded database, queue limit ${queueLimit}, ${shedding}${hold ? `, connection held ${hold} ms a second` : ''}`,
    );
    console.log(
      `  answers      ${latencies.length} (${Math.round(latencies.length / elapsed)}/s); by status ${list(statuses)}`,
    );
    console.log(
      `  latency      p50 ${ms(at(50))}, p95 ${ms(at(95))}, p99 ${ms(at(99))}, max ${ms(sorted.at(-1) ?? 0)}`,
    );
    console.log(
      `  over ${ANSWER_WITHIN_MS} ms: ${slow}; no answer: ${list(failures)}; 503 without Retry-After: ${refusedWithoutRetryAfter}`,
    );
    // Whole seconds only: the last part-second is the connections winding down.
    const bySecond = Array.from({ length: Math.floor(elapsed) }, (_, i) => perSecond[i] ?? 0);
    const silent = bySecond.filter((n) => n === 0).length;
    console.log(`  per second   ${bySecond.join(' ')}; seconds without an answer: ${silent}`);
    const other = [...statuses.keys()].filter((s) => s !== '200' && s !== '503');
    if (slow > 0 || failed > 0 || refusedWithoutRetryAfter > 0 || other.length > 0 || silent > 0) {
      console.error('FAIL: every request must get an answer (200, or 503 busy with Retry-After) within a second');
      process.exitCode = 1;
    }
  } finally {
    agent.destroy();
    child.kill();
  }
}

if (process.argv.includes('--serve')) await serve();
else await load();
