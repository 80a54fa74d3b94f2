// npm run migrate: applies the migrations not yet applied (under an advisory lock, so a deploy pipeline
// and starting API processes may race safely) and exits. The database of DATABASE_URL or DATA_DIR.
import { ConfigError, loadDatabaseConfig } from '../src/server/config';
import { migrate, pendingMigrations } from '../src/server/db/migrate';
import { openConfiguredDatabase } from '../src/server/start';

try {
  const config = loadDatabaseConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const applied = await migrate(db);
    const pending = await pendingMigrations(db);
    console.log(applied.length ? `Applied ${applied.join(', ')}.` : 'Nothing to apply: the schema is current.');
    if (pending.length) throw new Error(`Still pending: ${pending.join(', ')}`);
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
