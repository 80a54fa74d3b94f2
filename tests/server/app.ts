import webpush from 'web-push';
import { type AppDeps, createApp } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';

/** A VAPID key pair for tests that do not send pushes. */
export const testVapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:test@minuriik.example' };

export function testApp(db: Database, deps: Partial<AppDeps> = {}) {
  return createApp({ db, log: createLogger('silent'), vapid: testVapid, ...deps });
}

/** An agency event posted with the agency's key: its status and JSON answer. */
export async function postAgencyEvent(app: ReturnType<typeof testApp>, key: string, body: unknown) {
  const res = await app.request('/api/agency/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { result: unknown; replayed: boolean; error?: { code: string } },
  };
}
