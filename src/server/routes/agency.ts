import { Hono } from 'hono';
import { DATA_USE_ANSWERED } from '../../contract/agency-events';
import { type AgencyEventHandlers, receiveAgencyEvent } from '../agency/events';
import { agencyEventHandlers } from '../agency/handlers';
import { type AgencyKey, authenticateAgencyKey } from '../agency/keys';
import { agencyQuestions, QUESTIONS_PAGE } from '../data-uses/questions';
import type { Database } from '../db/database';
import { ApiError, errorBody } from '../errors';

interface AgencyEnv {
  Variables: { agencyKey: AgencyKey };
}

/**
 * The agency API, `/api/agency/*`: for agencies' systems, not for people. Open to the Internet and
 * authenticated by an agency API key (`Authorization: Bearer mr_…`); sessions and cookies play no part.
 */
export function agencyRoutes(db: Database, handlers: AgencyEventHandlers = agencyEventHandlers) {
  return (
    new Hono<AgencyEnv>()
      .use('*', async (c, next) => {
        const header = c.req.header('Authorization') ?? '';
        const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
        const key = match ? await authenticateAgencyKey(db, match[1]) : null;
        if (!key) {
          c.header('WWW-Authenticate', 'Bearer realm="minu-riik-agency"');
          return c.json(
            errorBody(
              'unauthenticated',
              match ? 'Unknown or revoked API key' : 'Authorization: Bearer <API key> is required',
            ),
            401,
          );
        }
        c.set('agencyKey', key);
        await next();
      })
      // The body's size is limited for the whole app (body-limit.ts).
      .post('/events', async (c) => {
        const body = await c.req.json().catch(() => {
          throw new ApiError(400, 'invalid_json', 'The body must be a JSON event');
        });
        const response = await receiveAgencyEvent(db, handlers, c.get('agencyKey'), body);
        c.header('Cache-Control', 'no-store');
        return c.json(response, 200);
      })
      // The questions people put to the agency about its uses of their data; answered with data_use.answered.
      // ?status=all also the answered ones; ?limit= (1–500) and ?after= (the page before's `next`) page them.
      .get('/questions', async (c) => {
        const key = c.get('agencyKey');
        if (!key.scopes.includes(DATA_USE_ANSWERED)) {
          throw new ApiError(403, 'event_type_not_allowed', `Reading questions needs a key for ${DATA_USE_ANSWERED}`);
        }
        const limitParam = c.req.query('limit');
        const limit = limitParam === undefined ? QUESTIONS_PAGE : Number(limitParam);
        if (!Number.isInteger(limit) || limit < 1 || limit > QUESTIONS_PAGE) {
          throw new ApiError(400, 'bad_limit', `limit must be a whole number from 1 to ${QUESTIONS_PAGE}`);
        }
        const page = await agencyQuestions(db, key.agencyId, {
          all: c.req.query('status') === 'all',
          after: c.req.query('after'),
          limit,
        });
        c.header('Cache-Control', 'no-store');
        return c.json(page, 200);
      })
  );
}
