import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationRow } from '../../src/contract/person';
import type { Change } from '../../src/contract/sync';
import { MinuRiikDb } from '../../src/data/db';
import { createLiveQuery } from '../../src/data/live';
import { enqueue } from '../../src/data/outbox';
import { createSyncEngine, MAX_TRIES, REJECTIONS_KEY, SKIPPED_KEY } from '../../src/data/sync';
import { markNotificationRead } from '../../src/features/inbox/actions';
import { acceptOffer } from '../../src/features/offers/actions';

/** Notification ids: uuids, as the contract wants them. */
const ID = {
  a: '00000000-0000-4000-8000-000000000001',
  b: '00000000-0000-4000-8000-000000000002',
  c: '00000000-0000-4000-8000-000000000003',
  n1: '00000000-0000-4000-8000-000000000004',
  n2: '00000000-0000-4000-8000-000000000005',
  fresh: '00000000-0000-4000-8000-000000000006',
  stale: '00000000-0000-4000-8000-000000000007',
};
const L = { et: 't', en: 't', ru: 't', uk: 't' };
const PERSON = '0b7f6b1e-8a57-4d2e-9a53-0f3c7d2a9e11';
const profile: Change = {
  entity: 'profile',
  id: 'me',
  op: 'put',
  data: {
    id: 'me',
    personId: PERSON,
    givenName: 'Kadri',
    familyName: 'Tamm',
    personalCode: '24304142717',
    birthDate: '1993-04-14',
  },
};
const note = (id: string, readAt: string | null = null): Change => ({
  entity: 'notification',
  id,
  op: 'put',
  data: {
    id,
    topic: 'general',
    title: { et: 't', en: 't', ru: 't', uk: 't' },
    body: { et: 'b', en: 'b', ru: 'b', uk: 'b' },
    link: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    readAt,
  },
});

interface Call {
  method: string;
  path: string;
  body?: { mutations: { id: string; type: string }[] };
}

/** A scripted API: answers GET /api/sync from `pages` by cursor and POST /api/mutations by `onMutations`. */
function fakeApi(pages: Record<string, { changes: Change[]; cursor: string; more: boolean }>) {
  const calls: Call[] = [];
  const api = {
    calls,
    down: false,
    status401: false,
    onMutations: (m: { id: string }[]) => ({ results: m.map((x) => ({ id: x.id, status: 'applied' })) }) as unknown,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (api.down) throw new TypeError('Failed to fetch');
      const url = new URL(String(input), 'http://app');
      const call: Call = { method: init?.method ?? 'GET', path: url.pathname + url.search };
      if (init?.body) call.body = JSON.parse(String(init.body));
      calls.push(call);
      if (api.status401) return Response.json({ error: { code: 'unauthenticated', message: 'x' } }, { status: 401 });
      if (url.pathname === '/api/mutations') {
        const answer: unknown = api.onMutations(call.body!.mutations);
        return answer instanceof Response ? answer : Response.json(answer);
      }
      const page = pages[url.searchParams.get('cursor') ?? ''];
      if (!page) return Response.json({ error: { code: 'bad_cursor', message: 'bad' } }, { status: 400 });
      return Response.json(page);
    }) as typeof fetch,
  };
  return api;
}

let db: MinuRiikDb;
let delays: number[];
const engineFor = (api: ReturnType<typeof fakeApi>) =>
  createSyncEngine(db, { fetch: api.fetch, random: () => 0.5, schedule: (_fn, ms) => delays.push(ms) });

beforeEach(async () => {
  db = new MinuRiikDb(`test-${Math.random()}`);
  delays = [];
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('pull', () => {
  it('applies every page in order, follows `more`, and keeps the last cursor', async () => {
    const api = fakeApi({
      '': { changes: [profile, note(ID.n1), note(ID.n2)], cursor: 'c1', more: true },
      c1: {
        changes: [note(ID.n1, '2026-11-02T00:00:00.000Z'), { entity: 'notification', id: ID.n2, op: 'delete' }],
        cursor: 'c2',
        more: false,
      },
    });
    expect(await engineFor(api).sync()).toBe('idle');
    const rows = await db.notifications.toArray();
    expect(rows.map((n) => [n.id, n.readAt])).toEqual([[ID.n1, '2026-11-02T00:00:00.000Z']]);
    expect((await db.meta.get('sync.cursor'))?.value).toBe('c2');
    expect(api.calls.map((c) => c.path)).toEqual(['/api/sync', '/api/sync?cursor=c1']);
  });

  it("runs the screens' live queries once for a pull of several pages, not once per page", async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `00000000-0000-4000-8000-1000000000${String(i).padStart(2, '0')}`);
    const api = fakeApi({
      '': { changes: [profile, note(ids[0]!), note(ids[1]!)], cursor: 'c1', more: true },
      c1: { changes: [note(ids[2]!), note(ids[3]!)], cursor: 'c2', more: true },
      c2: { changes: [note(ids[4]!), note(ids[5]!)], cursor: 'c3', more: true },
      c3: { changes: [note(ids[6]!), note(ids[7]!)], cursor: 'c4', more: false },
    });
    let reads = 0;
    const { unread, dispose } = createRoot((dispose) => ({
      unread: createLiveQuery(async () => {
        reads++;
        return db.notifications.filter((n) => !n.readAt).count();
      }),
      dispose,
    }));
    await vi.waitFor(() => expect(unread()).toBe(0));
    const before = reads;
    expect(await engineFor(api).sync()).toBe('idle');
    await vi.waitFor(() => expect(unread()).toBe(8));
    expect(reads - before).toBe(1);
    dispose();
  });

  it('stores a page and its cursor together or not at all', async () => {
    const api = fakeApi({ '': { changes: [profile, note(ID.n1)], cursor: 'c1', more: false } });
    db.meta.hook('creating', (key) => {
      if (key === 'sync.cursor') throw new Error('crash while saving the cursor');
    });
    expect(await engineFor(api).sync()).toBe('error');
    expect(await db.notifications.count()).toBe(0);
    expect(await db.profile.count()).toBe(0);
  });

  it('starts again from a full snapshot when the server no longer knows the cursor', async () => {
    const api = fakeApi({ '': { changes: [profile, note(ID.fresh)], cursor: 'c9', more: false } });
    await db.meta.put({ key: 'sync.cursor', value: 'forgotten' });
    const stale: NotificationRow = {
      id: ID.stale,
      topic: 'general',
      title: L,
      body: L,
      link: null,
      createdAt: '',
      readAt: null,
    };
    await db.notifications.put(stale);
    expect(await engineFor(api).sync()).toBe('idle');
    expect((await db.notifications.toArray()).map((n) => n.id)).toEqual([ID.fresh]);
  });

  it('rejects a page that does not match the contract, changing nothing', async () => {
    const api = fakeApi({
      '': { changes: [{ entity: 'passwords', id: 'x', op: 'put', data: {} } as never], cursor: 'c1', more: false },
    });
    expect(await engineFor(api).sync()).toBe('error');
    expect(await db.meta.get('sync.cursor')).toBeUndefined();
  });
});

describe('outbox', () => {
  async function signedIn(api: ReturnType<typeof fakeApi>) {
    await engineFor(api).sync();
    api.calls.length = 0;
  }

  it('sends queued actions in the order they were made, then forgets them', async () => {
    const api = fakeApi({
      '': { changes: [profile, note(ID.a), note(ID.b), note(ID.c)], cursor: 'c1', more: false },
      c1: { changes: [], cursor: 'c1', more: false },
    });
    await signedIn(api);
    for (const id of [ID.c, ID.a, ID.b]) await markNotificationRead(db, id);
    expect(await db.outbox.count()).toBe(3);
    await engineFor(api).sync();
    const sent = api.calls.find((c) => c.path === '/api/mutations')!.body!.mutations;
    expect(sent.map((m) => (m as unknown as { payload: { notificationId: string } }).payload.notificationId)).toEqual([
      ID.c,
      ID.a,
      ID.b,
    ]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps actions queued while offline, counts the attempts, and retries with back-off', async () => {
    const api = fakeApi({
      '': { changes: [profile, note(ID.a)], cursor: 'c1', more: false },
      c1: { changes: [], cursor: 'c1', more: false },
    });
    await signedIn(api);
    await markNotificationRead(db, ID.a);
    api.down = true;
    const engine = engineFor(api);
    expect(await engine.sync()).toBe('offline');
    expect(await engine.sync()).toBe('offline');
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ attempts: 2, lastError: expect.stringContaining('Failed to fetch') });
    expect(delays).toEqual([750]); // one retry pending at a time: 1 s × (0.5 + 0.5 / 2)
    api.down = false;
    expect(await engine.sync()).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect((await db.notifications.get(ID.a))?.readAt).toBeTruthy();
  });

  it('changes nothing of an offer before the server applies the answer; a refusal names the offer and the field', async () => {
    const offerId = '0b7f6b1e-8a57-4d2e-9a53-0f3c7d2a9e22';
    const offer: Change = {
      entity: 'offer',
      id: offerId,
      op: 'put',
      data: { id: offerId, status: 'pending', fields: [] },
    };
    const api = fakeApi({
      '': { changes: [profile, offer], cursor: 'c1', more: false },
      c1: { changes: [], cursor: 'c1', more: false },
    });
    await signedIn(api);
    // Stored as is (the sync checks rows against their schema; this test is about the outbox).
    await db.offers.put({ id: offerId, status: 'pending', fields: [] } as never);
    await acceptOffer(db, offerId, { bankAccount: 'EE382200221020145685' });
    await acceptOffer(db, offerId); // a second tap queues nothing more
    expect((await db.offers.get(offerId))?.status).toBe('pending');
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ type: 'offer.accept', about: { table: 'offers', id: offerId } }),
    ]);
    api.onMutations = (m) => ({
      results: m.map((x) => ({ id: x.id, status: 'rejected', code: 'field_invalid', field: 'bankAccount' })),
    });
    await engineFor(api).sync();
    expect(await db.outbox.count()).toBe(0);
    expect((await db.meta.get(REJECTIONS_KEY))?.value).toEqual([
      expect.objectContaining({ code: 'field_invalid', field: 'bankAccount', about: { table: 'offers', id: offerId } }),
    ]);
    // Answering again replaces what the server said about the last answer.
    await acceptOffer(db, offerId, { bankAccount: 'EE382200221020145685' });
    expect((await db.meta.get(REJECTIONS_KEY))?.value).toEqual([]);
  });

  it('undoes a rejected action and keeps the reason for the person', async () => {
    const api = fakeApi({
      '': { changes: [profile, note(ID.a)], cursor: 'c1', more: false },
      c1: { changes: [], cursor: 'c1', more: false },
    });
    await signedIn(api);
    await markNotificationRead(db, ID.a);
    expect((await db.notifications.get(ID.a))?.readAt).toBeTruthy();
    api.onMutations = (m) => ({ results: m.map((x) => ({ id: x.id, status: 'rejected', code: 'not_found' })) });
    await engineFor(api).sync();
    expect((await db.notifications.get(ID.a))?.readAt).toBeNull();
    expect(await db.outbox.count()).toBe(0);
    expect((await db.meta.get(REJECTIONS_KEY))?.value).toEqual([
      expect.objectContaining({ type: 'notification.read', code: 'not_found' }),
    ]);
  });

  describe('a server that answers nothing usable', () => {
    const setUp = async () => {
      const api = fakeApi({
        '': { changes: [profile, note(ID.a), note(ID.b), note(ID.c)], cursor: 'c1', more: false },
        c1: { changes: [], cursor: 'c1', more: false },
      });
      await signedIn(api);
      for (const id of [ID.a, ID.b, ID.c]) await markNotificationRead(db, id);
      return api;
    };
    const sentIds = (api: ReturnType<typeof fakeApi>) =>
      api.calls.filter((c) => c.path === '/api/mutations').map((c) => c.body!.mutations.map((m) => m.id));

    const answers: [string, (m: { id: string }[]) => unknown][] = [
      ['a 500', () => Response.json({ error: { code: 'internal', message: 'x' } }, { status: 500 })],
      ['garbage', () => new Response('<html>oops</html>', { status: 200 })],
      ['a body that is not results', () => ({ results: 'nope' })],
      ['no results at all', () => ({ results: [] })],
    ];
    for (const [what, answer] of answers) {
      it(`gives the head up as rejected after ${MAX_TRIES} tries of ${what}, then sends the rest`, async () => {
        const api = await setUp();
        const [head, ...rest] = (await db.outbox.orderBy('seq').toArray()).map((e) => e.id);
        api.onMutations = (m) =>
          m[0].id === head ? answer(m) : { results: m.map((x) => ({ id: x.id, status: 'applied' })) };
        const engine = engineFor(api);
        for (let i = 1; i < MAX_TRIES; i++) {
          expect(await engine.sync()).toBe('error');
          expect(await db.outbox.count()).toBe(3);
        }
        expect(await engine.sync()).toBe('error'); // the last try gives the head up
        expect(await engine.sync()).toBe('idle');
        expect(await db.outbox.count()).toBe(0);
        // After the first unusable answer the head went alone, so the others were never held with it.
        expect(sentIds(api).slice(1, MAX_TRIES)).toEqual(Array(MAX_TRIES - 1).fill([head]));
        expect(sentIds(api).slice(MAX_TRIES).flat()).toEqual(rest);
        expect((await db.notifications.get(ID.a))?.readAt).toBeNull(); // undone
        expect((await db.notifications.get(ID.b))?.readAt).toBeTruthy();
        expect((await db.meta.get(REJECTIONS_KEY))?.value).toEqual([
          expect.objectContaining({ id: head, type: 'notification.read', code: 'not_accepted' }),
        ]);
      });
    }

    it('answers short (the second result missing): the unanswered one counts, the answered ones are settled', async () => {
      const api = await setUp();
      const ids = (await db.outbox.orderBy('seq').toArray()).map((e) => e.id);
      api.onMutations = (m) => ({
        results: m.filter((x) => x.id !== ids[1]).map((x) => ({ id: x.id, status: 'applied' })),
      });
      const engine = engineFor(api);
      for (let i = 0; i < MAX_TRIES; i++) expect(await engine.sync()).toBe('error');
      expect(await engine.sync()).toBe('idle');
      expect(await db.outbox.count()).toBe(0);
      expect((await db.meta.get(REJECTIONS_KEY))?.value).toEqual([
        expect.objectContaining({ id: ids[1], code: 'not_accepted' }),
      ]);
    });

    it('does not count offline time or "try later" (503) against an entry', async () => {
      const api = await setUp();
      api.onMutations = () => Response.json({ error: { code: 'unavailable', message: 'x' } }, { status: 503 });
      const engine = engineFor(api);
      for (let i = 0; i < MAX_TRIES * 2; i++) expect(await engine.sync()).toBe('error');
      api.down = true;
      for (let i = 0; i < MAX_TRIES * 2; i++) expect(await engine.sync()).toBe('offline');
      expect(await db.outbox.count()).toBe(3);
      expect((await db.meta.get(REJECTIONS_KEY))?.value ?? []).toEqual([]);
    });

    it('waits out a busy server\'s Retry-After before it tries again (503 busy: "try later")', async () => {
      const api = await setUp();
      const busy = (seconds: string) => () =>
        Response.json({ error: { code: 'busy', message: 'x' } }, { status: 503, headers: { 'Retry-After': seconds } });
      api.onMutations = busy('30');
      expect(await engineFor(api).sync()).toBe('error');
      // 30 s × (1 + 0.5 / 2), not the first back-off's 750 ms.
      expect(delays).toEqual([37_500]);
      // Shorter than the back-off, or not a number of seconds: the back-off alone.
      delays = [];
      api.onMutations = busy('0');
      expect(await engineFor(api).sync()).toBe('error');
      api.onMutations = busy('Wed, 21 Oct 2026 07:28:00 GMT');
      expect(await engineFor(api).sync()).toBe('error');
      expect(delays).toEqual([750, 750]);
      expect(await db.outbox.count()).toBe(3);
    });
  });

  it('checks the answer to its mutations: one for another id, or a rejection without a code, is an error', async () => {
    const api = fakeApi({
      '': { changes: [profile, note(ID.a)], cursor: 'c1', more: false },
      c1: { changes: [], cursor: 'c1', more: false },
    });
    await signedIn(api);
    await markNotificationRead(db, ID.a);
    api.onMutations = () => ({ results: [{ id: crypto.randomUUID(), status: 'applied' }] });
    expect(await engineFor(api).sync()).toBe('error');
    api.onMutations = (m) => ({ results: m.map((x) => ({ id: x.id, status: 'rejected' })) });
    expect(await engineFor(api).sync()).toBe('error');
    api.onMutations = (m) => ({ results: m.map((x) => ({ id: x.id, status: 'done' })) });
    expect(await engineFor(api).sync()).toBe('error');
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ type: 'notification.read', attempts: 3 });
    expect((await db.notifications.get(ID.a))?.readAt).toBeTruthy();
    expect((await db.meta.get(REJECTIONS_KEY))?.value).toBeUndefined();
  });

  it('leaves out a row that does not match its schema, keeps the rest, and says which', async () => {
    const bad: Change = { entity: 'notification', id: 'bad', op: 'put', data: { id: 'bad', topic: 'gossip' } };
    const api = fakeApi({ '': { changes: [profile, note(ID.a), bad, note(ID.b)], cursor: 'c1', more: false } });
    expect(await engineFor(api).sync()).toBe('idle');
    expect((await db.notifications.toArray()).map((n) => n.id).sort()).toEqual([ID.a, ID.b]);
    expect((await db.meta.get(SKIPPED_KEY))?.value).toEqual([
      { entity: 'notification', id: 'bad', at: expect.any(String) },
    ]);
    expect((await db.meta.get('sync.cursor'))?.value).toBe('c1');
  });

  it('stops on 401 and keeps everything queued', async () => {
    const api = fakeApi({ '': { changes: [profile, note(ID.a)], cursor: 'c1', more: false } });
    await signedIn(api);
    await markNotificationRead(db, ID.a);
    api.status401 = true;
    expect(await engineFor(api).sync()).toBe('signed_out');
    expect(await db.outbox.count()).toBe(1);
    expect(delays).toEqual([]);
  });

  it('never sends another person’s queued actions', async () => {
    const api = fakeApi({
      '': { changes: [profile, note(ID.a)], cursor: 'c1', more: false },
      c1: { changes: [], cursor: 'c1', more: false },
    });
    await signedIn(api);
    await db.outbox.add({
      id: crypto.randomUUID(),
      personId: 'someone-else',
      type: 'notification.read',
      payload: {},
      createdAt: '',
      attempts: 0,
    });
    await engineFor(api).sync();
    expect(api.calls.some((c) => c.path === '/api/mutations')).toBe(false);
  });

  it('refuses to queue when nobody is signed in', async () => {
    await expect(
      enqueue(db, { type: 'settings.update', payload: {}, touches: [], apply: async () => undefined }),
    ).rejects.toThrow();
  });
});

describe('database versions', () => {
  it('upgrades a version 1 database with its rows intact', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ eventServices: 'id, position', agencies: 'id', meta: 'key' });
    await v1.table('eventServices').bulkPut([
      { id: 'marriage', position: 1 },
      { id: 'divorce', position: 5 },
    ]);
    await v1.table('agencies').put({ id: 'ska', name: { et: 'SKA' } });
    await v1.table('meta').put({ key: 'catalogue.etag', value: '"v1"' });
    v1.close();

    const upgraded = new MinuRiikDb(name);
    expect(await upgraded.eventServices.orderBy('position').toArray()).toEqual([
      { id: 'marriage', position: 1 },
      { id: 'divorce', position: 5 },
    ]);
    expect(await upgraded.agencies.get('ska')).toEqual({ id: 'ska', name: { et: 'SKA' } });
    expect(await upgraded.meta.get('catalogue.etag')).toEqual({ key: 'catalogue.etag', value: '"v1"' });
    expect(await upgraded.outbox.count()).toBe(0);
    expect(await upgraded.mandates.count()).toBe(0);
    expect(upgraded.verno).toBe(5);
    upgraded.close();
  });
});
