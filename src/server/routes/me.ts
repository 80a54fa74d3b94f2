import { Hono } from 'hono';
import { DEFAULT_LANG, isLang } from '../../contract/langs';
import { SettingsUpdate } from '../../contract/person';
import type { PersonEnv } from '../auth/context';
import { hit } from '../auth/rate-limit';
import type { Database } from '../db/database';
import { ApiError, errorBody } from '../errors';
import { personExport } from '../export/person-export';
import { birthDateOf, updateSettings } from '../settings/store';

/**
 * GET /api/me: who is signed in (the client keeps it as its `profile` row 'me') and when the session ends.
 * PUT /api/me/settings: the person's settings (language); the body is validated, the person is the session's.
 * GET /api/me/export: everything held about the person, a zip streamed as it is read (person-export.ts);
 * at most EXPORTS_PER_HOUR an hour, never cached.
 */
export const EXPORTS_PER_HOUR = 5;

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
    .get('/export', async (c) => {
      const person = c.get('person');
      c.header('Cache-Control', 'no-store');
      const { count, resetIn } = await hit(db, `export:${person.id}`, 3600);
      if (count > EXPORTS_PER_HOUR) {
        c.header('Retry-After', String(resetIn));
        return c.json(errorBody('rate_limited', `At most ${EXPORTS_PER_HOUR} exports an hour`), 429);
      }
      const language = isLang(person.preferredLanguage) ? person.preferredLanguage : DEFAULT_LANG;
      const bytes = personExport(db, person.id, language);
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await bytes.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
        async cancel() {
          await bytes.return(undefined);
        },
      });
      const day = new Date().toISOString().slice(0, 10);
      return new Response(body, {
        headers: {
          'Content-Type': 'application/zip',
          'Content-Disposition': `attachment; filename="minu-riik-${day}.zip"`,
          'Cache-Control': 'no-store',
        },
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
