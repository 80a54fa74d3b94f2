import type { MiddlewareHandler } from 'hono';
import type { Queryable } from '../db/database';
import { errorBody } from '../errors';
import type { AuthConfig } from './config';
import { clientAddress } from './middleware';

/**
 * Counts a request against `key`'s fixed window in the database, so every API process shares one count:
 * one upsert, atomic under concurrency. Returns the count so far and the seconds left in the window.
 */
export async function hit(
  db: Queryable,
  key: string,
  windowSeconds: number,
): Promise<{ count: number; resetIn: number }> {
  const { rows } = await db.query<{ count: number; reset_in: number }>(
    `WITH w AS (SELECT to_timestamp(floor(extract(epoch FROM now()) / $2::int) * $2::int) AS start)
     INSERT INTO rate_limits AS r (key, window_start, count) SELECT $1, w.start, 1 FROM w
     ON CONFLICT (key) DO UPDATE
       SET count = CASE WHEN r.window_start = excluded.window_start THEN r.count + 1 ELSE 1 END,
           window_start = excluded.window_start
     RETURNING count, ceil(extract(epoch FROM window_start + make_interval(secs => $2::int) - now()))::int AS reset_in`,
    [key, windowSeconds],
  );
  return { count: rows[0].count, resetIn: Math.max(1, rows[0].reset_in) };
}

/** A fixed-window limit per client address, counted in the database across processes: past it, 429 with Retry-After. */
export function rateLimit(db: Queryable, config: AuthConfig): MiddlewareHandler {
  const { max, windowSeconds } = config.rateLimit;
  return async (c, next) => {
    const { count, resetIn } = await hit(db, `auth:${clientAddress(c, config.trustProxy)}`, windowSeconds);
    if (count > max) {
      c.header('Retry-After', String(resetIn));
      return c.json(errorBody('rate_limited', `Too many sign-in requests. Try again in ${resetIn} s.`), 429);
    }
    return next();
  };
}

/** Removes windows that have ended (retention). */
export async function pruneRateLimits(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH d AS (DELETE FROM rate_limits WHERE window_start < now() - interval '1 day' RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
  );
  return rows[0].n;
}
