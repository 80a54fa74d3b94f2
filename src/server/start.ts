import { randomUUID } from 'node:crypto';
import type { Config, DatabaseConfig } from './config';
import { type Database, openDatabase } from './db/database';
import { migrate } from './db/migrate';
import type { Logger } from './log';
import { seed } from './seed';

/** Opens the database of the configuration (its pool, timeouts and queue bound). */
export function openConfiguredDatabase(config: DatabaseConfig): Promise<Database> {
  return openDatabase({
    databaseUrl: config.url,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    queueLimit: config.queueLimit,
  });
}

/** Opens and migrates the database, then seeds the catalogue, and the demo people only with DEMO. */
export async function prepareDatabase(config: Pick<Config, 'database' | 'demo'>, log: Logger): Promise<Database> {
  const db = await openConfiguredDatabase(config.database);
  const applied = await migrate(db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  // Several processes starting at once take turns, so the demo's "add what is missing" runs one at a time.
  await withLease(db, 'seed', () => seed(db, { demo: config.demo }));
  return db;
}

/** Runs fn while holding the named lease in the jobs table, waiting for another process that holds it. */
async function withLease<T>(db: Database, name: string, fn: () => Promise<T>): Promise<T> {
  const owner = randomUUID();
  await db.query('INSERT INTO jobs (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
  for (;;) {
    const { rows } = await db.query(
      `UPDATE jobs SET lease_owner = $2, lease_until = now() + interval '5 minutes'
       WHERE name = $1 AND (lease_until IS NULL OR lease_until < now()) RETURNING 1`,
      [name, owner],
    );
    if (rows.length) break;
    await new Promise((done) => setTimeout(done, 200));
  }
  try {
    return await fn();
  } finally {
    await db.query('UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE name = $1 AND lease_owner = $2', [
      name,
      owner,
    ]);
  }
}
