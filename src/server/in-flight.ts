import type { Context, MiddlewareHandler } from 'hono';
import { errorBody } from './errors';

export interface InFlightLimit {
  /** Requests handled at once. */
  max: number;
  /** Requests waiting for their turn beyond those; past it, 503 at once. */
  waiting: number;
  /** The longest a request waits for its turn before it gets 503. */
  waitMs: number;
}

/** The API's answer when it cannot take the request now: `503 busy`, and when to try again. */
export function busy(c: Context, retryAfterSeconds = 1) {
  c.header('Retry-After', String(retryAfterSeconds));
  return c.json(errorBody('busy', 'The service is busy. Please try again in a moment.'), 503);
}

/**
 * Load shedding: at most `max` requests are handled at once and `waiting` more wait, each at most
 * `waitMs`; any other gets `503 busy` with Retry-After at once. On one thread and one embedded
 * connection, 200 requests let in together each take 200 times as long; bounded, the ones let in are
 * answered quickly and the rest are told to come back, so every request has an answer within a second.
 * A stream holds no turn: its handler returns as soon as the stream is open.
 */
export function limitInFlight({ max, waiting, waitMs }: InFlightLimit): MiddlewareHandler {
  let active = 0;
  const queue: (() => void)[] = [];
  const turn = (): Promise<boolean> => {
    if (active < max) {
      active++;
      return Promise.resolve(true);
    }
    if (queue.length >= waiting) return Promise.resolve(false);
    return new Promise((resolve) => {
      const go = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        queue.splice(queue.indexOf(go), 1);
        resolve(false);
      }, waitMs);
      queue.push(go);
    });
  };
  // A finished request hands its turn straight to the next one waiting.
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return async (c, next) => {
    if (!(await turn())) return busy(c);
    try {
      await next();
    } finally {
      release();
    }
  };
}
