import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalogue } from '../../src/contract/catalogue';
import type { Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { seed } from '../../src/server/seed';
import { testApp } from './app';
import { openTestDatabase } from './db';

let db: Database;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  db = await openTestDatabase();
  app = testApp(db);
});
afterAll(() => db.close());

describe('GET /api/health', () => {
  it('reports the database it runs on', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });
});

describe('GET /api/catalogue', () => {
  it('serves the eight event services with every text in four languages', async () => {
    const res = await app.request('/api/catalogue');
    expect(res.status).toBe(200);
    const catalogue = Catalogue.parse(await res.json());
    expect(catalogue.eventServices.map((es) => es.id)).toEqual([
      'having-a-child',
      'marriage',
      'death-of-close-one',
      'settling-in-estonia',
      'defence-service',
      'divorce',
      'retirement',
      'child-with-health-impairment',
    ]);
    const child = catalogue.eventServices[0];
    expect(child.name.et).toBe('Lapse saamine');
    expect(child.subServices.length).toBeGreaterThanOrEqual(5);
  });

  it('answers 304 to a matching ETag and 200 to a stale one', async () => {
    const first = await app.request('/api/catalogue');
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.request('/api/catalogue', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await app.request('/api/catalogue', { headers: { 'If-None-Match': '"old"' } });
    expect(stale.status).toBe(200);
  });
});

describe('errors', () => {
  it('answers an unknown API route with a JSON 404', async () => {
    const res = await app.request('/api/nothing-here', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('/api/nothing-here') },
    });
  });
});

describe('migrations and seed', () => {
  it('are safe to run again: nothing applied twice, nothing duplicated', async () => {
    const count = async () =>
      (
        await db.query<{ n: number }>(
          'SELECT (SELECT count(*) FROM sub_services) + (SELECT count(*) FROM persons) AS n',
        )
      ).rows[0].n;
    const before = Number(await count());
    expect(await migrate(db)).toEqual([]);
    await seed(db);
    expect(Number(await count())).toBe(before);
  });

  it('keeps the demo people with valid personal codes', async () => {
    const { rows } = await db.query<{ personal_code: string }>('SELECT personal_code FROM persons');
    expect(rows.length).toBeGreaterThanOrEqual(6);
  });
});
