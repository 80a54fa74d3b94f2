import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MandateRow } from '../../src/contract/mandates';
import type { NotificationRow } from '../../src/contract/person';
import { acting, mayAct, subjectDb } from '../../src/data/acting';
import { db } from '../../src/data/db';
import { createLiveQuery } from '../../src/data/live';
import { enqueue } from '../../src/data/outbox';
import { subjectDbName } from '../../src/data/subjects';
import { REJECTIONS_KEY, type Rejection } from '../../src/data/sync';
import { actFor, forgetSubjects, requestSync } from '../../src/data/sync-service';
import { L, MARTA, mandateRow, profile } from './fixtures/kadri';

/**
 * Acting for someone in the app: the screens' live queries and actions follow the chosen subject's own
 * database, the sync service syncs it after the person's own data, and a mandate that ends takes the
 * screens back to the person and the subject's database off the device, with the refusal said.
 */

const MANDATE = '00000000-0000-4000-8000-000000000001';
const MINE = '00000000-0000-4000-8000-0000000000b1';
const mandate = (extra: Partial<MandateRow> = {}) => mandateRow(MANDATE, MARTA, extra);
const HERS = '00000000-0000-4000-8000-0000000000b2';

const note = (id: string): NotificationRow => ({
  id,
  topic: 'general',
  title: L,
  body: L,
  link: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  readAt: null,
});

const put = (entity: string, id: string, data: object) => ({ entity, id, op: 'put', data });

/** The API: Kadri's own log (her profile, her note and her mandate for Marta, as `server.mandate` says), Marta's note while it holds. */
function fakeApi() {
  const server = { mandate: mandate(), online: true };
  const sent: { type: string; subject?: string }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!server.online) throw new TypeError('Failed to fetch');
    const url = new URL(String(input), 'http://app');
    const holds = server.mandate.status === 'active';
    if (url.pathname === '/api/mutations') {
      const { mutations } = JSON.parse(String(init?.body)) as {
        mutations: { id: string; type: string; subject?: string }[];
      };
      sent.push(...mutations);
      return Response.json({
        results: mutations.map((m) =>
          m.subject && !holds
            ? { id: m.id, status: 'rejected', code: 'mandate_revoked' }
            : { id: m.id, status: 'applied' },
        ),
      });
    }
    const subject = url.searchParams.get('subject');
    if (subject !== null && (subject !== MARTA || !holds)) {
      return Response.json({ error: { code: 'not_found', message: 'x' } }, { status: 404 });
    }
    const { id, ...data } = server.mandate;
    const { id: _, ...me } = profile;
    const changes = subject
      ? [put('notification', HERS, note(HERS))]
      : [put('profile', 'me', me), put('notification', MINE, note(MINE)), put('mandate', id, data)];
    // A full snapshot every time: the cursor is ignored, which the engine cannot tell from a quiet log.
    return Response.json({ changes, cursor: 'c1', more: false });
  });
  vi.stubGlobal('fetch', fetch);
  return { server, sent };
}

/** The ids of the notifications the screens see, as a live query of a screen reads them. */
function screenNotes() {
  return createRoot((dispose) => ({
    ids: createLiveQuery(async (db) => (await db.notifications.toArray()).map((n) => n.id)),
    dispose,
  }));
}

beforeEach(async () => {
  await db.open();
  await db.profile.put(profile);
});
afterEach(async () => {
  await forgetSubjects();
  await db.clearPersonalData();
  vi.unstubAllGlobals();
});

describe('acting for someone', () => {
  it('syncs the subject into their own database and shows and acts on their rows only while acting', async () => {
    const api = fakeApi();
    expect(await requestSync()).toBe('idle');
    expect(await Dexie.exists(subjectDbName(MARTA))).toBe(true);
    const notes = screenNotes();
    await vi.waitFor(() => expect(notes.ids()).toEqual([MINE]));

    expect(await actFor(MARTA)).toBe(true);
    expect(acting()).toMatchObject({ subjectId: MARTA, givenName: 'Marta' });
    await vi.waitFor(() => expect(notes.ids()).toEqual([HERS]));

    await enqueue(subjectDb(db), {
      type: 'notification.read',
      payload: { notificationId: HERS },
      touches: [],
      apply: async () => undefined,
    });
    expect(await db.outbox.count()).toBe(0);
    await vi.waitFor(() =>
      expect(api.sent).toEqual([expect.objectContaining({ type: 'notification.read', subject: MARTA })]),
    );

    await actFor(null);
    await vi.waitFor(() => expect(notes.ids()).toEqual([MINE]));
    notes.dispose();
  });

  it('takes the screens back and the subject off the device when the mandate ends, and says why the queued action was refused', async () => {
    const api = fakeApi();
    await requestSync();
    await actFor(MARTA);
    api.server.online = false;
    await enqueue(subjectDb(db), {
      type: 'notification.read',
      payload: { notificationId: HERS },
      touches: [],
      apply: async () => undefined,
    });
    api.server.mandate = mandate({ status: 'removed', endedAt: '2026-12-03T09:00:00.000Z' });
    api.server.online = true;

    expect(await requestSync()).toBe('idle');
    expect(acting()).toBeNull();
    expect(await Dexie.exists(subjectDbName(MARTA))).toBe(false);
    expect(api.sent.map((m) => m.subject)).toEqual([MARTA]);
    const told = (await db.meta.get(REJECTIONS_KEY))?.value as Rejection[];
    expect(told.map((r) => [r.type, r.code, r.subject])).toEqual([
      ['notification.read', 'mandate_revoked', 'Marta Tamm'],
    ]);
    expect(await actFor(MARTA)).toBe(false);
  });

  it('offers acting only as far as the mandate goes', async () => {
    fakeApi();
    await requestSync();
    expect(mayAct('retirement')).toBe('yes');
    await actFor(MARTA);
    expect(mayAct(null)).toBe('yes');
    await actFor(null);

    await db.mandates.put(mandate({ services: ['retirement'] }));
    await actFor(MARTA);
    expect([mayAct('retirement'), mayAct('having-a-child'), mayAct(null)]).toEqual(['yes', 'outside', 'outside']);
    await actFor(null);

    await db.mandates.put(mandate({ scope: 'view' }));
    await actFor(MARTA);
    expect(mayAct('retirement')).toBe('view_only');
  });

  it('deletes every subject database at sign-out', async () => {
    fakeApi();
    await requestSync();
    await actFor(MARTA);
    await forgetSubjects();
    expect(acting()).toBeNull();
    expect(await Dexie.exists(subjectDbName(MARTA))).toBe(false);
  });
});
