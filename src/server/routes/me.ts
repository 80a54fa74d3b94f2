import { Hono } from 'hono';
import { SettingsUpdate } from '../../contract/person';
import type { PersonEnv } from '../auth/context';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import { birthDateOf, updateSettings } from '../settings/store';

/**
 * GET /api/me: who is signed in (the client keeps it as its `profile` row 'me') and when the session ends.
 * PUT /api/me/settings: the person's settings (language); the body is validated, the person is the session's.
 */
export function meRoutes(db: Database) {
  return new Hono<PersonEnv>()
    .get('/', async (c) => {
      const person = c.get('person');
      return c.json({
        id: 'me' as const,
        personId: person.id,
        givenName: person.givenName,
        familyName: person.familyName,
        personalCode: person.personalCode,
        birthDate: await birthDateOf(db, person.id, person.personalCode),
        preferredLanguage: person.preferredLanguage,
        session: c.get('session'),
      });
    })
    .put('/settings', async (c) => {
      const body = SettingsUpdate.safeParse(await c.req.json().catch(() => undefined));
      if (!body.success) {
        throw new ApiError(400, 'invalid_body', body.error.issues[0]?.message ?? 'Expected {language}');
      }
      const person = c.get('person');
      return c.json(await db.transaction((tx) => updateSettings(tx, person.id, body.data)));
    });
}
