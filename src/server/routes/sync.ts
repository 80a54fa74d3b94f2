import { Hono } from 'hono';
import { MutationBatch, type MutationResult } from '../../contract/sync';
import type { PersonEnv } from '../auth/context';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import type { Logger } from '../log';
import { readableSubject } from '../mandates/access';
import { visiblePage } from '../mandates/visible';
import { ensureBaseRows } from '../settings/store';
import { decodeCursor } from '../sync/cursor';
import { applyMutation, type MutationHandlers } from '../sync/mutations';
import { PAGE_SIZE, pullChanges } from '../sync/pull';

/**
 * GET /api/sync?cursor=&limit=&subject= : the signed-in person's changes after the cursor, or with
 * `subject` (a person id) those of someone they may act for, as the mandate allows (404 otherwise).
 */
export function syncRoutes(db: Database) {
  return new Hono<PersonEnv>().get('/', async (c) => {
    const after = decodeCursor(c.req.query('cursor'));
    const limitParam = c.req.query('limit');
    const limit = limitParam === undefined ? PAGE_SIZE : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_SIZE) {
      throw new ApiError(400, 'bad_limit', `limit must be a whole number from 1 to ${PAGE_SIZE}`);
    }
    const person = c.get('person');
    const access = await readableSubject(db, person, c.req.query('subject'));
    c.header('Cache-Control', 'no-store');
    if (access.subject.id !== person.id) {
      return c.json(await visiblePage(db, access, await pullChanges(db, access.subject.id, after, limit)));
    }
    if (after === 0) await db.transaction((tx) => ensureBaseRows(tx, person.id));
    return c.json(await pullChanges(db, person.id, after, limit));
  });
}

/**
 * POST /api/mutations: applies the batch in order, each in its own transaction, and answers one result
 * per mutation sent (applyMutation turns any failure into that mutation's rejection). Only when the
 * database is unreachable does the whole request fail (503); the client then sends it all again.
 */
export function mutationRoutes(db: Database, handlers: MutationHandlers, log: Logger) {
  return new Hono<PersonEnv>().post('/', async (c) => {
    const body = MutationBatch.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) {
      throw new ApiError(400, 'invalid_body', body.error.issues[0]?.message ?? 'Expected {mutations: [...]}');
    }
    const person = c.get('person');
    const results: MutationResult[] = [];
    for (const mutation of body.data.mutations) results.push(await applyMutation(db, handlers, person, mutation, log));
    return c.json({ results });
  });
}
