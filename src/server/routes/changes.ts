import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { PersonEnv } from '../auth/context';
import type { ChangeFeed } from '../sync/change-feed';

/** A comment line now and then keeps proxies and the browser from taking the stream for dead. */
const HEARTBEAT_MS = 20_000;
/** Streams end after a while, so the client connects again and its session is checked again. */
const MAX_AGE_MS = 10 * 60_000;

/**
 * GET /api/changes/stream: server-sent events for the signed-in person. `cursor` events carry only the
 * position of their change log (the sync cursor), at once and whenever it moves; the client pulls
 * /api/sync when it differs from its own. `replaced`: a newer stream of the person took this one's place.
 */
export function changeRoutes(feed: ChangeFeed, options: { heartbeatMs?: number } = {}) {
  return new Hono<PersonEnv>().get('/stream', (c) => {
    const person = c.get('person');
    c.header('Cache-Control', 'no-store');
    return streamSSE(c, async (stream) => {
      let end = () => {};
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      stream.onAbort(end);
      const unsubscribe = await feed.subscribe(person.id, {
        cursor: (cursor) => void stream.writeSSE({ event: 'cursor', data: cursor }).catch(end),
        replaced: () =>
          void stream
            .writeSSE({ event: 'replaced', data: '' })
            .catch(() => undefined)
            .finally(end),
      });
      const heartbeat = setInterval(
        () => void stream.write(': heartbeat\n\n').catch(end),
        options.heartbeatMs ?? HEARTBEAT_MS,
      );
      const maxAge = setTimeout(end, MAX_AGE_MS);
      await ended;
      clearInterval(heartbeat);
      clearTimeout(maxAge);
      unsubscribe();
    });
  });
}
