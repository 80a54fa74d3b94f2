import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { CSRF_HEADER, CSRF_VALUE } from '../../contract/http';
import { errorBody } from '../errors';
import type { Logger } from '../log';
import type { AuthConfig } from './config';
import type { PersonEnv } from './context';
import type { RelyingParty } from './rp';
import type { SessionStore } from './sessions';

/** The session cookie; `__Host-` (Secure, Path=/, no Domain) wherever cookies are Secure. */
export const sessionCookieName = (config: AuthConfig) => (config.secureCookies ? '__Host-mr_session' : 'mr_session');

/**
 * Beside the HttpOnly session cookie, a readable hint that one exists (it grants nothing): the app asks
 * GET /api/me only when the hint or a stored profile says someone may be signed in, so a signed-out
 * visit makes no request that must fail.
 */
export const SIGNED_IN_HINT = 'mr_signed_in';

export function setSessionCookie(c: Context, config: AuthConfig, value: string) {
  const options = {
    secure: config.secureCookies,
    sameSite: 'Lax',
    path: '/',
    maxAge: config.absoluteLifetimeSeconds,
  } as const;
  setCookie(c, sessionCookieName(config), value, { ...options, httpOnly: true });
  setCookie(c, SIGNED_IN_HINT, '1', options);
}

export function clearSessionCookie(c: Context, config: AuthConfig) {
  deleteCookie(c, sessionCookieName(config), { path: '/', secure: config.secureCookies });
  deleteCookie(c, SIGNED_IN_HINT, { path: '/', secure: config.secureCookies });
}

export const readSessionCookie = (c: Context, config: AuthConfig) => getCookie(c, sessionCookieName(config));

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a state-changing request must come from the app's own origin (its Origin header) and carry the
 * app's custom header, which a cross-site form cannot set. This holds for all of /auth/* and for every
 * request that carries the session cookie (the ambient credential a forged request would abuse); a
 * request without it has nothing to abuse and gets its usual answer (401, 404). Server-to-server
 * endpoints that use no cookies (back-channel logout; the agency API with its API keys) are exempt.
 */
export function csrfProtection(config: AuthConfig, exempt: (path: string) => boolean): MiddlewareHandler {
  const own = new URL(config.publicUrl).origin;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || exempt(c.req.path)) return next();
    if (!c.req.path.startsWith('/auth/') && readSessionCookie(c, config) === undefined) return next();
    const origin = c.req.header('Origin');
    // PUBLIC_URL's origin only: the Host header is the sender's to choose, so it proves nothing.
    if (origin !== own || c.req.header(CSRF_HEADER) !== CSRF_VALUE) {
      return c.json(errorBody('csrf', 'This request did not come from the app itself and was refused.'), 403);
    }
    return next();
  };
}

/** The client's address: the socket's, or with TRUST_PROXY the last hop X-Forwarded-For names. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not on Node's HTTP server (in-process tests)
  }
}

const REFRESH_BEFORE_MS = 2 * 60_000;

/**
 * The session's person for person-data routes: `c.get('person')`, or 401 JSON without a live session.
 * Each request moves the idle timeout on; when the provider issued a refresh token (GovSSO), its
 * session is refreshed before the ID token expires, and a refused refresh ends ours too.
 */
export function createRequirePerson(
  config: AuthConfig,
  sessions: SessionStore,
  rp: RelyingParty,
  log: Logger,
): MiddlewareHandler<PersonEnv> {
  return async (c, next) => {
    const cookie = readSessionCookie(c, config);
    const session = cookie ? await sessions.touch(cookie) : null;
    if (!session) {
      if (cookie) clearSessionCookie(c, config);
      return c.json(errorBody('unauthenticated', 'Sign in to see this.'), 401);
    }
    if (
      session.refreshToken &&
      session.idTokenExpiresAt &&
      session.idTokenExpiresAt.getTime() - Date.now() < REFRESH_BEFORE_MS &&
      (await sessions.claimRefresh(session.idHash))
    ) {
      try {
        const tokens = await rp.refresh(session.refreshToken, `EE${session.person.personalCode}`);
        await sessions.saveRefreshed(session.idHash, tokens);
      } catch (error) {
        log.info({ err: error }, 'provider session refresh refused: ending the session');
        await sessions.deleteByHash(session.idHash);
        clearSessionCookie(c, config);
        return c.json(errorBody('unauthenticated', 'Your session has ended. Sign in again.'), 401);
      }
    }
    c.set('person', session.person);
    c.set('session', session.info);
    c.header('Cache-Control', 'no-store');
    await next();
  };
}
