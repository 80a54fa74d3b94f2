import { Hono } from 'hono';
import type { PersonEnv, SessionPerson } from '../../src/server/auth/context';
import type { Database } from '../../src/server/db/database';
import { ApiError, errorBody } from '../../src/server/errors';

/**
 * Person-data routes mounted behind a stand-in for the sign-in middleware that takes the person from
 * a test header: for testing what a router does for a person. Sign-in itself is tested on its own.
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
