import type { Config } from './config';
import { type Database, openDatabase } from './db/database';
import { migrate } from './db/migrate';
import type { Logger } from './log';
import { seed } from './seed';

/** Opens the database of the configuration, migrates it and seeds the catalogue and demo people. */
export async function prepareDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, log: Logger): Promise<Database> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  await seed(db);
  return db;
}
