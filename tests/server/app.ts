import { createApp } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';

export function testApp(db: Database) {
  return createApp({ db, log: createLogger('silent') });
}
