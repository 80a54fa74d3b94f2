import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { migrate, pendingMigrations, readMigrations } from '../../src/server/db/migrate';
import { seed } from '../../src/server/seed';
import { ensureBaseRows } from '../../src/server/settings/store';
import { pullChanges } from '../../src/server/sync/pull';
import { openTestDatabase } from './db';

let db: Database;
const postgres = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  if (postgres) db = await openTestDatabase({ empty: true });
});
afterAll(async () => {
  await db?.close();
});

// Production upgrades PostgreSQL; CI runs this on it (.ci/run: the server project with DATABASE_URL).
describe.skipIf(!postgres)('upgrading a PostgreSQL database (skipped: DATABASE_URL is not set)', () => {
  it('brings a database made by the first migration, with data in it, to the latest, keeping the data', async () => {
    const all = readMigrations();
    expect(await migrate(db, all.slice(0, 1))).toEqual([all[0].version]);
    await db.exec(`
      INSERT INTO agencies (id, name, url) VALUES ('ska', '{"et": "SKA; -- not a comment"}', 'https://sotsiaalkindlustusamet.ee');
      INSERT INTO persons (personal_code, given_name, family_name, preferred_language, facts)
      VALUES ('24304142717', 'Kadri', 'Tamm', 'en', '{"sex": "female", "birthDate": "1993-04-14", "children": []}');
    `);
    expect(await pendingMigrations(db)).toEqual(all.slice(1).map((m) => m.version));

    const applied = await migrate(db);
    expect(applied).toEqual(all.slice(1).map((m) => m.version));
    expect(await pendingMigrations(db)).toEqual([]);
    expect(await migrate(db)).toEqual([]); // twice changes nothing

    const { rows } = await db.query<{ id: string; preferred_language: string }>(
      `SELECT id, preferred_language FROM persons WHERE personal_code = '24304142717'`,
    );
    expect(rows[0].preferred_language).toBe('en');
    // A string with "--" and ";" in it survived the migration runner whole.
    const agency = await db.query<{ name: { et: string } }>(`SELECT name FROM agencies WHERE id = 'ska'`);
    expect(agency.rows[0].name.et).toBe('SKA; -- not a comment');

    // The upgraded database works: the seed brings the catalogue up to date, the person syncs.
    await seed(db);
    await db.transaction((tx) => ensureBaseRows(tx, rows[0].id));
    const page = await pullChanges(db, rows[0].id, 0);
    expect(page.changes.find((c) => c.entity === 'profile')).toMatchObject({
      data: { personalCode: '24304142717', birthDate: '1993-04-14' },
    });
  });
});
