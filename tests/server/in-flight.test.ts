import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { limitInFlight } from '../../src/server/in-flight';
import { testApp } from './app';

/** A promise and the function that settles it: a request held exactly as long as the test wants. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((done) => {
    open = done;
  });
  return { opened, open };
}

/** Whether the promise has settled by now (after the queued callbacks have run). */
async function settled(p: Response | Promise<unknown>): Promise<boolean> {
  let done = false;
  void Promise.resolve(p).then(() => {
    done = true;
  });
  await new Promise((next) => setImmediate(next));
  return done;
}

function gatedApp(limit: Parameters<typeof limitInFlight>[0]) {
  const held = gate();
  const app = new Hono().use('*', limitInFlight(limit)).get('/held', async (c) => {
    await held.opened;
    return c.json({ ok: true });
  });
  return { app, open: held.open };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('load shedding (limitInFlight)', () => {
  it('lets in max requests, queues `waiting` more, and refuses the next at once with 503 busy and Retry-After', async () => {
    const { app, open } = gatedApp({ max: 2, waiting: 1, waitMs: 60_000 });
    const admitted = [app.request('/held'), app.request('/held'), app.request('/held')];
    const refused = await app.request('/held');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(await refused.json()).toMatchObject({ error: { code: 'busy' } });
    for (const r of admitted) expect(await settled(r)).toBe(false);
    open();
    expect((await Promise.all(admitted)).map((r) => r.status)).toEqual([200, 200, 200]);
    // The turns were all given back: as many again are let in.
    expect((await Promise.all([app.request('/held'), app.request('/held')])).map((r) => r.status)).toEqual([200, 200]);
  });

  it('answers a request that waited waitMs for its turn with 503, and gives its place up', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { app, open } = gatedApp({ max: 1, waiting: 1, waitMs: 500 });
    const first = app.request('/held');
    const waiting = app.request('/held');
    await vi.advanceTimersByTimeAsync(499);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const late = await waiting;
    expect(late.status).toBe(503);
    expect(late.headers.get('Retry-After')).toBe('1');
    // Its place in the queue is free again: the next one waits rather than being refused.
    const next = app.request('/held');
    expect(await settled(next)).toBe(false);
    open();
    expect((await first).status).toBe(200);
    expect((await next).status).toBe(200);
  });

  it('in the app: while the embedded database is held, the request beyond the bound gets 503 busy, and nothing else is lost', async () => {
    const db = await openDatabase({});
    try {
      await migrate(db);
      const app = testApp(db, { inFlight: { max: 1, waiting: 0, waitMs: 60_000 } });
      // A long transaction (a job's) holds the one connection; a request waits behind it with its turn.
      const held = gate();
      const job = db.transaction(() => held.opened);
      const catalogue = app.request('/api/catalogue');
      const refused = await app.request('/api/health');
      expect(refused.status).toBe(503);
      expect(refused.headers.get('Retry-After')).toBe('1');
      expect(await refused.json()).toMatchObject({ error: { code: 'busy' } });
      expect(await settled(catalogue)).toBe(false);
      held.open();
      await job;
      expect((await catalogue).status).toBe(200);
      expect((await app.request('/api/health')).status).toBe(200);
    } finally {
      await db.close();
    }
  });
});
