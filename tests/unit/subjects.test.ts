import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MinuRiikDb } from '../../src/data/db';
import { deleteSubjectDbs, heldSubjects, openSubjectDb, subjectDbName, syncSubjects } from '../../src/data/subjects';
import { REJECTIONS_KEY, type Rejection } from '../../src/data/sync';
import { L, MARTA, ME, mandateRow, profile } from './fixtures/kadri';

/** Each subject's rows in a database of their own, deleted when no mandate allows them any more. */

const GONE = '00000000-0000-4000-8000-0000000000a2';
const NOTE = '00000000-0000-4000-8000-0000000000b1';
const TODAY = '2026-12-03';

interface Call {
  method: string;
  path: string;
  body?: { mutations: { id: string; type: string; subject?: string }[] };
}

/** The API: Marta's rows for her held mandate, 404 for anyone else, and every queued action refused as revoked. */
function fakeApi() {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://app');
    const call: Call = { method: init?.method ?? 'GET', path: url.pathname + url.search };
    if (init?.body) call.body = JSON.parse(String(init.body));
    calls.push(call);
    if (url.pathname === '/api/mutations') {
      return Response.json({
        results: call.body!.mutations.map((m) => ({ id: m.id, status: 'rejected', code: 'mandate_revoked' })),
      });
    }
    if (url.searchParams.get('subject') !== MARTA) {
      return Response.json({ error: { code: 'not_found', message: 'x' } }, { status: 404 });
    }
    const row = {
      id: NOTE,
      topic: 'general',
      title: L,
      body: L,
      link: null,
      createdAt: '2026-11-01T10:00:00.000Z',
      readAt: null,
    };
    return Response.json({
      changes: [{ entity: 'notification', id: NOTE, op: 'put', data: row }],
      cursor: 'm1',
      more: false,
    });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

let own: MinuRiikDb;

beforeEach(async () => {
  own = new MinuRiikDb(`own-${Math.random()}`);
  await own.profile.put(profile);
});
afterEach(async () => {
  await deleteSubjectDbs(own);
  own.close();
  await own.delete();
});

describe('subject databases', () => {
  it('lists only the subjects a mandate allows today, once each', async () => {
    await own.mandates.bulkPut([
      mandateRow('00000000-0000-4000-8000-000000000001', MARTA),
      mandateRow('00000000-0000-4000-8000-000000000002', MARTA, { kind: 'authorisation' }),
      mandateRow('00000000-0000-4000-8000-000000000003', GONE, { status: 'revoked' }),
      mandateRow('00000000-0000-4000-8000-000000000004', GONE, { validUntil: '2026-12-02' }),
      mandateRow('00000000-0000-4000-8000-000000000005', ME, { role: 'subject' }),
    ]);
    expect((await heldSubjects(own, TODAY)).map((m) => m.person.id)).toEqual([MARTA]);
  });

  it('syncs a held subject into their own database, and sends the queued actions of an ended one before deleting it', async () => {
    await own.mandates.bulkPut([
      mandateRow('00000000-0000-4000-8000-000000000001', MARTA),
      mandateRow('00000000-0000-4000-8000-000000000002', GONE, { status: 'removed' }),
    ]);
    // Queued for GONE while the mandate held (offline).
    const gone = await openSubjectDb(own, GONE);
    await gone.outbox.add({
      id: '00000000-0000-4000-8000-0000000000c1',
      type: 'notification.read',
      payload: { notificationId: NOTE },
      personId: ME,
      createdAt: '2026-12-03T08:00:00.000Z',
      attempts: 0,
      about: { table: 'notifications', id: NOTE },
    });
    await gone.notifications.put({
      id: NOTE,
      topic: 'general',
      title: L,
      body: L,
      link: null,
      createdAt: '2026-11-01T10:00:00.000Z',
      readAt: null,
    });
    gone.close();

    const api = fakeApi();
    const phases = await syncSubjects(own, TODAY, { fetch: api.fetch });

    expect([...phases]).toEqual([[MARTA, 'idle']]);
    const sent = api.calls.find((c) => c.path === '/api/mutations');
    expect(sent?.body?.mutations.map((m) => m.subject)).toEqual([GONE]);
    expect(await Dexie.exists(subjectDbName(GONE))).toBe(false);
    const told = (await own.meta.get(REJECTIONS_KEY))?.value as Rejection[];
    expect(told.map((r) => [r.type, r.code, r.about])).toEqual([['notification.read', 'mandate_revoked', undefined]]);

    expect(api.calls.some((c) => c.path === `/api/sync?subject=${MARTA}`)).toBe(true);
    const marta = new MinuRiikDb(subjectDbName(MARTA));
    expect((await marta.notifications.toArray()).map((n) => n.id)).toEqual([NOTE]);
    expect((await marta.profile.get('me'))?.personId).toBe(ME);
    expect(await own.notifications.count()).toBe(0);
    marta.close();
  });

  it('deletes every subject database at sign-out', async () => {
    (await openSubjectDb(own, MARTA)).close();
    (await openSubjectDb(own, GONE)).close();
    expect((await deleteSubjectDbs(own)).sort()).toEqual([MARTA, GONE].sort());
    for (const id of [MARTA, GONE]) expect(await Dexie.exists(subjectDbName(id))).toBe(false);
  });
});
