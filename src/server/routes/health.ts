import { Hono } from 'hono';
import { type Database, DatabaseBusyError } from '../db/database';
import { pendingMigrations } from '../db/migrate';
import { jobStatuses } from '../jobs';

/**
 * GET /api/health: liveness. The process answers and its database is reachable. A database too busy to
 * take the query gets the usual `503 busy` with Retry-After (app.ts): alive, but come back in a moment.
 */
export function healthRoutes(db: Database) {
  return new Hono().get('/', async (c) => {
    try {
      await db.query('SELECT 1');
      return c.json({ status: 'ok', database: db.kind });
    } catch (error) {
      if (error instanceof DatabaseBusyError) throw error;
      return c.json({ status: 'unavailable', database: db.kind }, 503);
    }
  });
}

/** A job failing this many runs in a row makes the service not ready. */
const FAILING_AFTER = 5;

/**
 * GET /api/ready: readiness, for a load balancer. 200 when the database is reachable, its migrations are
 * current and no job is failing (each job's runs, handled items, failures and last success shown); else 503.
 */
export function readyRoutes(db: Database, jobs?: { readonly started: boolean }) {
  return new Hono().get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await db.query('SELECT 1');
    } catch {
      return c.json({ status: 'unavailable', database: { kind: db.kind, reachable: false } }, 503);
    }
    const pending = await pendingMigrations(db);
    const list = await jobStatuses(db);
    const failing = list.filter((j) => j.failures >= FAILING_AFTER).map((j) => j.name);
    const ready = pending.length === 0 && failing.length === 0;
    return c.json(
      {
        status: ready ? 'ready' : 'unavailable',
        database: { kind: db.kind, reachable: true, pendingMigrations: pending },
        jobs: { runningHere: jobs?.started ?? false, failing, list },
      },
      ready ? 200 : 503,
    );
  });
}
