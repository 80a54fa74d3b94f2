import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { refreshCatalogue } from '../../src/data/catalogue';
import { db } from '../../src/data/db';
import { loadCatalogue } from '../../src/server/seed/catalogue';

const { agencies, eventServices } = loadCatalogue();

const catalogue = { agencies, eventServices };
const respond = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  (async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers })) as typeof fetch;

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('refreshCatalogue', () => {
  it('writes the catalogue to IndexedDB in display order and remembers the ETag', async () => {
    expect(await refreshCatalogue(respond(200, catalogue, { ETag: '"v1"' }))).toBe('updated');
    const stored = await db.eventServices.orderBy('position').toArray();
    expect(stored.map((s) => s.id)).toEqual(eventServices.map((s) => s.id));
    expect(await db.agencies.count()).toBe(agencies.length);
    expect((await db.meta.get('catalogue.etag'))?.value).toBe('"v1"');
  });

  it('sends the ETag and keeps the stored copy on 304', async () => {
    await refreshCatalogue(respond(200, catalogue, { ETag: '"v1"' }));
    let sent: string | null = null;
    const fetch304 = (async (_url: string, init?: RequestInit) => {
      sent = new Headers(init?.headers).get('If-None-Match');
      return new Response(null, { status: 304 });
    }) as typeof fetch;
    expect(await refreshCatalogue(fetch304)).toBe('unchanged');
    expect(sent).toBe('"v1"');
    expect(await db.eventServices.count()).toBe(8);
  });

  it('keeps the stored copy when offline', async () => {
    await refreshCatalogue(respond(200, catalogue));
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await refreshCatalogue(offline)).toBe('offline');
    expect(await db.eventServices.count()).toBe(8);
  });

  it('rejects a malformed catalogue and changes nothing', async () => {
    await refreshCatalogue(respond(200, catalogue, { ETag: '"v1"' }));
    const broken = { ...catalogue, eventServices: [{ ...eventServices[0], name: { et: 'Ainult eesti keeles' } }] };
    await expect(refreshCatalogue(respond(200, broken, { ETag: '"v2"' }))).rejects.toThrow();
    expect(await db.eventServices.count()).toBe(8);
    expect((await db.meta.get('catalogue.etag'))?.value).toBe('"v1"');
  });
});
