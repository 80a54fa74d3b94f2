import { randomBytes } from 'node:crypto';
import { type Database, openDatabase } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { seed } from '../../src/server/seed';

/**
 * A fresh, migrated and seeded database for one test file: in-memory PGlite by default, or its own
 * schema on the PostgreSQL server of DATABASE_URL (so test files never see each other's rows). `empty`: neither.
 */
export async function openTestDatabase({ empty = false }: { empty?: boolean } = {}): Promise<Database> {
  const url = process.env.DATABASE_URL;
  let db: Database;
  if (url) {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ databaseUrl: url });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    db = await openDatabase({ databaseUrl: scoped.toString() });
    const close = db.close.bind(db);
    db = Object.assign(db, {
      close: async () => {
        await close();
        const cleanup = await openDatabase({ databaseUrl: url });
        await cleanup.exec(`DROP SCHEMA ${schema} CASCADE`);
        await cleanup.close();
      },
    });
  } else {
    db = await openDatabase({});
  }
  if (empty) return db; // neither migrated nor seeded (upgrade tests)
  await migrate(db);
  await seed(db);
  return db;
}
