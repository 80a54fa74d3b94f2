import webpush from 'web-push';
import { type AppDeps, createApp } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';

/** A VAPID key pair for tests that do not send pushes. */
export const testVapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:test@minuriik.example' };

export function testApp(db: Database, deps: Partial<AppDeps> = {}) {
  return createApp({ db, log: createLogger('silent'), vapid: testVapid, ...deps });
}
