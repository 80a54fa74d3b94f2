import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/contract/langs';
import { MinuRiikDb } from '../../src/data/db';
import { createSyncEngine } from '../../src/data/sync';
import { markNotificationRead } from '../../src/features/inbox/actions';
import { saveLanguage } from '../../src/features/settings/actions';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';
import { createNotification } from '../../src/server/notifications/store';
import { mutationRoutes, syncRoutes } from '../../src/server/routes/sync';
import { mutationHandlers } from '../../src/server/sync/handlers';
import { openTestDatabase } from './db';
import { asPerson, personId } from './person-harness';

const PERSON = '23409254568'; // Maret Saar
const text = (s: string) => ({ et: s, en: s, ru: s, uk: s });

let db: Database;
let app: ReturnType<typeof asPerson>;
let pid: string;

beforeAll(async () => {
  db = await openTestDatabase();
  app = asPerson(db, (r) => {
    r.route('/api/sync', syncRoutes(db));
    r.route('/api/mutations', mutationRoutes(db, mutationHandlers, createLogger('silent')));
  });
  pid = await personId(db, PERSON);
});
afterAll(() => db.close());

type Network = 'up' | 'down' | 'lose_responses';

/** The server over a network that can be down, or deliver requests but lose the answers. */
function network() {
  let mode: Network = 'up';
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (mode === 'down') throw new TypeError('Failed to fetch');
    const headers = new Headers(init?.headers);
    headers.set('x-test-person', PERSON);
    const response = await app.request(String(input), { ...init, headers });
    if (mode === 'lose_responses') throw new TypeError('connection reset');
    return response;
  }) as typeof fetch;
  return { fetchImpl, set: (m: Network) => (mode = m) };
}

type Step =
  | { kind: 'read'; index: number }
  | { kind: 'language'; lang: Lang }
  | { kind: 'sync'; network: Network }
  | { kind: 'reload' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('read' as const), index: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('language' as const), lang: fc.constantFrom<Lang>('et', 'en', 'ru', 'uk') }),
  fc.record({ kind: fc.constant('sync' as const), network: fc.constantFrom<Network>('up', 'down', 'lose_responses') }),
  fc.record({ kind: fc.constant('reload' as const) }),
);

let run = 0;

describe('offline actions, reloads, lost answers and retries', () => {
  it('always end with the intended server state and every action applied exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        await db.exec(
          `DELETE FROM applied_mutations; DELETE FROM notifications; DELETE FROM person_changes;
           DELETE FROM person_clocks; UPDATE persons SET preferred_language = 'et'`,
        );
        const ids: string[] = [];
        for (let i = 0; i < 4; i++) {
          ids.push(
            (
              await db.transaction((tx) =>
                createNotification(tx, pid, { topic: 'general', title: text(`n${i}`), body: text('b') }),
              )
            ).id,
          );
        }
        const name = `property-${run++}`;
        const net = network();
        let client = new MinuRiikDb(name);
        let engine = createSyncEngine(client, { fetch: net.fetchImpl, schedule: () => undefined });
        expect(await engine.sync()).toBe('idle');

        const intendedRead = new Set<string>();
        let intendedLanguage: Lang = 'et';
        let queued = 0;
        for (const s of steps) {
          if (s.kind === 'read') {
            const before = await client.outbox.count();
            await markNotificationRead(client, ids[s.index]);
            queued += (await client.outbox.count()) - before;
            intendedRead.add(ids[s.index]);
          } else if (s.kind === 'language') {
            const before = await client.outbox.count();
            await saveLanguage(client, s.lang);
            queued += (await client.outbox.count()) - before;
            intendedLanguage = s.lang;
          } else if (s.kind === 'sync') {
            net.set(s.network);
            await engine.sync();
          } else {
            client.close();
            client = new MinuRiikDb(name);
            engine = createSyncEngine(client, { fetch: net.fetchImpl, schedule: () => undefined });
          }
        }
        net.set('up');
        expect(await engine.sync()).toBe('idle');
        expect(await client.outbox.count()).toBe(0);

        const server = await db.query<{ id: string; read: boolean }>(
          'SELECT id, read_at IS NOT NULL AS read FROM notifications WHERE person_id = $1',
          [pid],
        );
        expect(new Set(server.rows.filter((r) => r.read).map((r) => r.id))).toEqual(intendedRead);
        const lang = await db.query<{ preferred_language: Lang }>(
          'SELECT preferred_language FROM persons WHERE id = $1',
          [pid],
        );
        expect(lang.rows[0].preferred_language).toBe(intendedLanguage);
        const applied = await db.query<{ n: string }>(
          'SELECT count(*) AS n FROM applied_mutations WHERE person_id = $1',
          [pid],
        );
        expect(Number(applied.rows[0].n)).toBe(queued);

        // The device shows what the server has.
        const local = await client.notifications.toArray();
        expect(new Set(local.filter((n) => n.readAt).map((n) => n.id))).toEqual(intendedRead);
        expect((await client.settings.get('settings'))?.language).toBe(intendedLanguage);
        client.close();
        await client.delete();
      }),
      { numRuns: 40 },
    );
  });
});
