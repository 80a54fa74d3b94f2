import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';
import { createNotification } from '../../src/server/notifications/store';
import { changeRoutes } from '../../src/server/routes/changes';
import { type ChangeFeed, createChangeFeed } from '../../src/server/sync/change-feed';
import { encodeCursor } from '../../src/server/sync/cursor';
import { openTestDatabase } from './db';
import { asPerson, personId } from './person-harness';

const KADRI = '24304142717';
const AIVAR = '11202193427';

let db: Database;
let feed: ChangeFeed;
let app: ReturnType<typeof asPerson>;

beforeAll(async () => {
  db = await openTestDatabase();
  feed = createChangeFeed(db, createLogger('silent'));
  app = asPerson(db, (r) => {
    r.route('/api/changes', changeRoutes(feed, { heartbeatMs: 100 }));
  });
});
afterAll(async () => {
  await db.close();
});

/** An open stream, read event by event (a comment is an event named ':'). */
async function open(who: string) {
  const abort = new AbortController();
  const res = await app.request('/api/changes/stream', { headers: { 'x-test-person': who }, signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    /** The next event (skipping comments unless asked for), or 'end' when the stream ended. */
    async next(withComments = false): Promise<{ event: string; data: string }> {
      for (;;) {
        const at = buffer.indexOf('\n\n');
        if (at >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          if (block.startsWith(':')) {
            if (withComments) return { event: ':', data: block.slice(1).trim() };
            continue;
          }
          const field = (name: string) =>
            block
              .split('\n')
              .find((l) => l.startsWith(`${name}:`))
              ?.slice(name.length + 1)
              .trim() ?? '';
          return { event: field('event'), data: field('data') };
        }
        const { value, done } = await reader.read();
        if (done) return { event: 'end', data: '' };
        buffer += value;
      }
    },
    close: () => {
      abort.abort();
      void reader.cancel();
    },
  };
}

const seqOf = async (who: string) => {
  const { rows } = await db.query<{ change_seq: string }>(
    'SELECT change_seq FROM person_clocks c JOIN persons p ON p.id = c.person_id WHERE p.personal_code = $1',
    [who],
  );
  return Number(rows[0]?.change_seq ?? 0);
};

async function notify(who: string) {
  const pid = await personId(db, who);
  const text = { et: 'T', en: 'T', ru: 'T', uk: 'T' };
  await db.transaction((tx) => createNotification(tx, pid, { topic: 'general', title: text, body: text }));
}

describe('GET /api/changes/stream', () => {
  it('sends the cursor position at once, then each new one, and nothing of another person', async () => {
    const stream = await open(KADRI);
    expect(await stream.next()).toEqual({ event: 'cursor', data: encodeCursor(await seqOf(KADRI)) });
    await notify(AIVAR); // not Kadri's: no event
    await notify(KADRI);
    expect(await stream.next()).toEqual({ event: 'cursor', data: encodeCursor(await seqOf(KADRI)) });
    stream.close();
  });

  it('keeps the stream alive with heartbeats', async () => {
    const stream = await open(KADRI);
    await stream.next();
    expect(await stream.next(true)).toEqual({ event: ':', data: 'heartbeat' });
    stream.close();
  });

  it('has at most one stream per person: a new one replaces the one before', async () => {
    const first = await open(KADRI);
    await first.next();
    const second = await open(KADRI);
    expect(await first.next()).toEqual({ event: 'replaced', data: '' });
    expect((await first.next()).event).toBe('end');
    await second.next();
    expect(feed.size()).toBe(1);
    await notify(KADRI);
    expect(await second.next()).toEqual({ event: 'cursor', data: encodeCursor(await seqOf(KADRI)) });
    second.close();
  });

  it('hears a statement that moves many people’s counters at once (as a cohort does)', async () => {
    const stream = await open(KADRI);
    await stream.next();
    // More people than one notice names: the notice says '*' and the feed reads the counters.
    await db.query(
      `INSERT INTO persons (personal_code, given_name, family_name, preferred_language, facts)
       SELECT (31000000000 + i)::text, 'Isik', 'Nr ' || i, 'et', '{}'::jsonb FROM generate_series(1, 150) AS i`,
    );
    await db.query(
      `INSERT INTO person_clocks (person_id, change_seq)
       SELECT id, 1 FROM persons WHERE personal_code LIKE '310%' OR personal_code = $1
       ON CONFLICT (person_id) DO UPDATE SET change_seq = person_clocks.change_seq + 1`,
      [KADRI],
    );
    expect(await stream.next()).toEqual({ event: 'cursor', data: encodeCursor(await seqOf(KADRI)) });
    stream.close();
  });

  it('stops listening when the last stream closes', async () => {
    const stream = await open(KADRI);
    await stream.next();
    stream.close();
    await expect.poll(() => feed.size()).toBe(0);
  });
});
