import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/contract/langs';
import { MinuRiikDb } from '../../src/data/db';
import { REJECTIONS_KEY } from '../../src/data/outbox';
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

/** The person as at the start: no notices, nothing applied or logged, language Estonian. */
const resetPerson = () =>
  db.exec(
    `DELETE FROM applied_mutations; DELETE FROM notifications; DELETE FROM person_changes;
     DELETE FROM person_clocks; UPDATE persons SET preferred_language = 'et'`,
  );

/** What the server holds for the person: the notices read and the language. */
async function serverState(): Promise<{ read: Set<string>; language: Lang }> {
  const read = await db.query<{ id: string }>(
    'SELECT id FROM notifications WHERE person_id = $1 AND read_at IS NOT NULL',
    [pid],
  );
  const lang = await db.query<{ preferred_language: Lang }>('SELECT preferred_language FROM persons WHERE id = $1', [
    pid,
  ]);
  return { read: new Set(read.rows.map((r) => r.id)), language: lang.rows[0].preferred_language };
}

describe('offline actions, reloads, lost answers and retries', () => {
  it('always end with the intended server state and every action applied exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        await resetPerson();
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

        const server = await serverState();
        expect(server.read).toEqual(intendedRead);
        expect(server.language).toBe(intendedLanguage);
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

  it('two devices of the same person, writes on the server between pulls, and rejections: both end with the server’s state', async () => {
    type Both =
      | { kind: 'read'; device: number; index: number }
      | { kind: 'language'; device: number; lang: Lang }
      | { kind: 'sync'; device: number; network: Network }
      | { kind: 'reload'; device: number }
      | { kind: 'server_notifies' }
      | { kind: 'stale_read'; device: number };
    const device = fc.integer({ min: 0, max: 1 });
    const both: fc.Arbitrary<Both> = fc.oneof(
      fc.record({ kind: fc.constant('read' as const), device, index: fc.nat(7) }),
      fc.record({
        kind: fc.constant('language' as const),
        device,
        lang: fc.constantFrom<Lang>('et', 'en', 'ru', 'uk'),
      }),
      fc.record({
        kind: fc.constant('sync' as const),
        device,
        network: fc.constantFrom<Network>('up', 'down', 'lose_responses'),
      }),
      fc.record({ kind: fc.constant('reload' as const), device }),
      fc.record({ kind: fc.constant('server_notifies' as const) }),
      fc.record({ kind: fc.constant('stale_read' as const), device }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(both, { minLength: 1, maxLength: 16 }), async (steps) => {
        await resetPerson();
        const ids: string[] = [];
        const notify = async () => {
          const n = await db.transaction((tx) =>
            createNotification(tx, pid, { topic: 'general', title: text(`n${ids.length}`), body: text('b') }),
          );
          ids.push(n.id);
        };
        for (let i = 0; i < 2; i++) await notify();
        const devices = [0, 1].map(() => {
          const name = `property-${run++}`;
          const net = network();
          const client = new MinuRiikDb(name);
          return {
            name,
            net,
            client,
            engine: createSyncEngine(client, { fetch: net.fetchImpl, schedule: () => undefined }),
          };
        });
        for (const d of devices) expect(await d.engine.sync()).toBe('idle');

        const intendedRead = new Set<string>();
        const languages = new Set<Lang>(['et']);
        const stale: string[][] = [[], []];
        for (const s of steps) {
          if (s.kind === 'server_notifies') {
            await notify();
            continue;
          }
          const d = devices[s.device];
          if (s.kind === 'read') {
            const id = ids[s.index % ids.length];
            // A device marks read what it holds; one that has not pulled the notice yet cannot.
            if (await d.client.notifications.get(id)) intendedRead.add(id);
            await markNotificationRead(d.client, id);
          } else if (s.kind === 'language') {
            await saveLanguage(d.client, s.lang);
            languages.add(s.lang);
          } else if (s.kind === 'stale_read') {
            // A notice the device holds that the server does not have: marking it read is rejected.
            const id = crypto.randomUUID();
            await d.client.notifications.put({
              id,
              topic: 'general',
              title: text('gone'),
              body: text('b'),
              link: null,
              createdAt: new Date().toISOString(),
              readAt: null,
            });
            await markNotificationRead(d.client, id);
            stale[s.device].push(id);
          } else if (s.kind === 'sync') {
            d.net.set(s.network);
            await d.engine.sync();
          } else {
            d.client.close();
            d.client = new MinuRiikDb(d.name);
            d.engine = createSyncEngine(d.client, { fetch: d.net.fetchImpl, schedule: () => undefined });
          }
        }
        // Each device sends what it has, then each pulls what the other sent.
        for (const d of [...devices, ...devices]) {
          d.net.set('up');
          expect(await d.engine.sync()).toBe('idle');
          expect(await d.client.outbox.count()).toBe(0);
        }

        const { read, language: serverLanguage } = await serverState();
        expect(read).toEqual(intendedRead);
        expect(languages).toContain(serverLanguage);

        for (const [i, d] of devices.entries()) {
          // Every notice on the server, read as the server has it; the rejected ones undone and told.
          const local = await d.client.notifications.toArray();
          const held = local.filter((n) => !stale[i].includes(n.id));
          expect(new Set(held.map((n) => n.id))).toEqual(new Set(ids));
          expect(new Set(held.filter((n) => n.readAt).map((n) => n.id))).toEqual(intendedRead);
          for (const id of stale[i]) expect(local.find((n) => n.id === id)?.readAt ?? null).toBeNull();
          const rejections = ((await d.client.meta.get(REJECTIONS_KEY))?.value ?? []) as { about?: { id: string } }[];
          expect(new Set(rejections.map((r) => r.about?.id))).toEqual(new Set(stale[i]));
          expect((await d.client.settings.get('settings'))?.language).toBe(serverLanguage);
          d.client.close();
          await d.client.delete();
        }
      }),
      { numRuns: 30 },
    );
  });
});
