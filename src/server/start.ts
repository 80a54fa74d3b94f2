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
  await seed(db, { demo: config.demo });
  return db;
}
