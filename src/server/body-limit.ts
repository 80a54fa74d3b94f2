import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorBody } from './errors';

const KB = 1024;

/**
 * The largest body each route reads, in bytes: a little above the largest honest request. Checked
 * before anything reads the body (by Content-Length at once, or while it streams in), so a huge body is
 * refused with a 413 without being parsed or kept in memory.
 */
const LIMITS: [RegExp, number][] = [
  // Up to 100 mutations of a few hundred bytes each (a feedback comment of 2000 characters at most).
  [/^\/api\/mutations\/?$/, 512 * KB],
  // An agency event is a few hundred bytes; a cohort is given by birth dates, not listed.
  [/^\/api\/agency\/events\/?$/, 64 * KB],
  // A logout token (a signed JWT of a few hundred bytes) in a form.
  [/^\/auth\/backchannel-logout\/?$/, 16 * KB],
  [/^\/api\/me\/settings\/?$/, 4 * KB],
  [/^\/api\/push\/subscriptions\/?$/, 4 * KB],
];
/** Every other request that carries a body: none of them reads more than this. */
const DEFAULT_LIMIT = 4 * KB;

export const bodyLimitFor = (path: string) => LIMITS.find(([re]) => re.test(path))?.[1] ?? DEFAULT_LIMIT;

const limiters = new Map<number, MiddlewareHandler>();
function limiter(maxSize: number): MiddlewareHandler {
  let middleware = limiters.get(maxSize);
  if (!middleware) {
    middleware = bodyLimit({
      maxSize,
      onError: (c) => {
        // Close the connection: the rest of the body is neither read nor waited for.
        c.header('Connection', 'close');
        return c.json(errorBody('body_too_large', `The body may be at most ${maxSize} bytes`), 413);
      },
    });
    limiters.set(maxSize, middleware);
  }
  return middleware;
}

/** For the whole app, before anything that reads a body. */
export const limitBodies: MiddlewareHandler = (c, next) => limiter(bodyLimitFor(c.req.path))(c, next);

/**
 * An application/x-www-form-urlencoded body (already limited in size) with at most `maxFields` fields,
 * or null for another content type or too many fields.
 */
export async function readForm(
  request: { header(name: string): string | undefined; text(): Promise<string> },
  maxFields: number,
): Promise<URLSearchParams | null> {
  const type = request.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return null;
  const text = await request.text();
  let fields = 1;
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) if (++fields > maxFields) return null;
  return new URLSearchParams(text);
}
