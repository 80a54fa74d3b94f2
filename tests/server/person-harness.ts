import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { expect } from 'vitest';
import { StepRow } from '../../src/contract/cases';
import { OfferRow } from '../../src/contract/offers';
import type { PersonEnv, SessionPerson } from '../../src/server/auth/context';
import type { Database } from '../../src/server/db/database';
import { ApiError, errorBody } from '../../src/server/errors';
import { pullChanges } from '../../src/server/sync/pull';

/**
 * Person-data routes mounted behind a stand-in for the sign-in middleware that takes the person from
 * a test header: for testing what a router does for a person. Sign-in itself is tested on its own.
 * Below it, what such tests send and read: mutations, and the rows the person's client receives.
 */
export function asPerson(db: Database, mount: (app: Hono<PersonEnv>) => void) {
  const app = new Hono<PersonEnv>();
  app.use('*', async (c, next) => {
    const code = c.req.header('x-test-person');
    const { rows } = await db.query<SessionPerson>(
      `SELECT id, personal_code AS "personalCode", given_name AS "givenName", family_name AS "familyName",
              preferred_language AS "preferredLanguage" FROM persons WHERE personal_code = $1`,
      [code],
    );
    if (!rows[0]) return c.json(errorBody('unauthenticated', 'test: no person'), 401);
    c.set('person', rows[0]);
    await next();
  });
  mount(app);
  app.onError((error, c) =>
    error instanceof ApiError ? c.json(errorBody(error.code, error.message), error.status) : Promise.reject(error),
  );
  return app;
}

export async function personId(db: Database, personalCode: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM persons WHERE personal_code = $1', [personalCode]);
  return rows[0].id;
}

/** A queued action as the client sends it. */
export const mutation = (type: string, payload: unknown, id: string = randomUUID()) => ({
  id,
  type,
  payload,
  createdAt: new Date().toISOString(),
});

/** Posts mutations as the person to an app that mounts `/api/mutations`: the status and the answer. */
export async function sendMutations(app: Hono<PersonEnv>, who: string, mutations: unknown[]) {
  const res = await app.request('/api/mutations', {
    method: 'POST',
    headers: { 'x-test-person': who, 'content-type': 'application/json' },
    body: JSON.stringify({ mutations }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { results: { id: string; status: string; code?: string }[] },
  };
}

/** The same, for a request that must succeed: the results, one per mutation. */
export async function postMutations(app: Hono<PersonEnv>, who: string, mutations: unknown[]) {
  const { status, body } = await sendMutations(app, who, mutations);
  expect(status).toBe(200);
  return body.results;
}

/** The person's offer of the sub-service as their client receives it. */
export async function offerOf(db: Database, code: string, subServiceId: string) {
  const page = await pullChanges(db, await personId(db, code), 0, 10_000);
  const offers = page.changes.flatMap((c) => (c.entity === 'offer' && c.op === 'put' ? [OfferRow.parse(c.data)] : []));
  const offer = offers.find((o) => o.subServiceId === subServiceId);
  if (!offer) throw new Error(`${code} has no offer of ${subServiceId}`);
  return offer;
}

/** A step as its person's client receives it. */
export async function stepOf(db: Database, stepId: string) {
  const { rows } = await db.query<{ data: unknown }>(
    `SELECT data FROM person_changes WHERE entity = 'step' AND entity_id = $1`,
    [stepId],
  );
  return StepRow.parse(rows[0].data);
}
