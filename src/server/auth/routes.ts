import { Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { randomPKCECodeVerifier } from 'openid-client';
import { isLang, type Lang } from '../../contract/langs';
import { readForm } from '../body-limit';
import type { Database } from '../db/database';
import { errorBody } from '../errors';
import type { Logger } from '../log';
import type { AuthConfig } from './config';
import type { PersonEnv } from './context';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './middleware';
import { rateLimit } from './rate-limit';
import { type RelyingParty, SignInRefused } from './rp';
import { randomToken, type SessionStore, sha256 } from './sessions';

const LOGIN_COOKIE = 'mr_login';
const LOGIN_TTL_SECONDS = 600;

/** Only a path of this app: never another site (open redirect), never back into sign-in itself. */
export function safeReturnTo(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20) || value.startsWith('/auth/')) return '/';
  return value;
}

function preferredLanguage(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (isLang(query)) return query;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const base = part.trim().split(/[-;]/)[0]?.toLowerCase();
    if (isLang(base)) return base;
  }
  return 'et';
}

export interface AuthRouteDeps {
  db: Database;
  log: Logger;
  config: AuthConfig;
  sessions: SessionStore;
  rp: RelyingParty;
  requirePerson: MiddlewareHandler<PersonEnv>;
}

/** /auth/*: sign-in (login, callback), sign-out, back-channel logout, and the session's remaining time. */
export function authRoutes({ db, log, config, sessions, rp, requirePerson }: AuthRouteDeps) {
  const own = new URL(config.publicUrl);
  const loginCookieOptions = {
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: 'Lax' as const,
    path: '/auth/',
  };
  const failed = (code: string) => `/?sign_in_error=${encodeURIComponent(code)}`;

  return (
    new Hono()
      .use('*', rateLimit(db, config))
      .get('/login', async (c) => {
        const url = new URL(c.req.url);
        // The session cookie and the provider's redirect belong to PUBLIC_URL: go there first.
        if (url.host !== own.host) return c.redirect(`${config.publicUrl}/auth/login${url.search}`, 302);
        const returnTo = safeReturnTo(c.req.query('return_to'));
        const lang = preferredLanguage(c.req.query('lang'), c.req.header('Accept-Language'));
        const value = randomToken();
        const nonce = randomToken();
        const codeVerifier = randomPKCECodeVerifier();
        let location: string;
        try {
          location = await rp.authorizationUrl({ state: sha256(value), nonce, codeVerifier, uiLocales: lang });
        } catch (error) {
          log.error({ err: error, issuer: config.issuer }, 'identity provider unreachable');
          return c.redirect(failed('unavailable'), 302);
        }
        await db.query('DELETE FROM auth_requests WHERE expires_at < now()');
        await db.query(
          `INSERT INTO auth_requests (state_hash, nonce, code_verifier, return_to, expires_at)
           VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
          [sha256(value), nonce, codeVerifier, returnTo, LOGIN_TTL_SECONDS],
        );
        setCookie(c, LOGIN_COOKIE, value, { ...loginCookieOptions, maxAge: LOGIN_TTL_SECONDS });
        c.header('Cache-Control', 'no-store');
        return c.redirect(location, 302);
      })
      .get('/callback', async (c) => {
        c.header('Cache-Control', 'no-store');
        const value = getCookie(c, LOGIN_COOKIE);
        deleteCookie(c, LOGIN_COOKIE, loginCookieOptions);
        const stateHash = value ? sha256(value) : undefined;
        const { rows } = stateHash
          ? await db.query<{ nonce: string; code_verifier: string; return_to: string }>(
              'DELETE FROM auth_requests WHERE state_hash = $1 AND expires_at > now() RETURNING nonce, code_verifier, return_to',
              [stateHash],
            )
          : { rows: [] };
        const request = rows[0];
        if (!stateHash || !request) {
          log.info('sign-in callback without a matching sign-in attempt (cookie missing or expired)');
          return c.redirect(failed(c.req.query('error') === 'access_denied' ? 'cancelled' : 'expired'), 302);
        }
        try {
          const signIn = await rp.finish(new URL(c.req.url).search, {
            state: stateHash,
            nonce: request.nonce,
            codeVerifier: request.code_verifier,
          });
          const person = await db.query<{ id: string }>(
            `INSERT INTO persons (personal_code, given_name, family_name) VALUES ($1, $2, $3)
             ON CONFLICT (personal_code) DO UPDATE SET
               given_name = COALESCE($4, persons.given_name), family_name = COALESCE($5, persons.family_name)
             RETURNING id`,
            [
              signIn.personalCode,
              signIn.givenName ?? '',
              signIn.familyName ?? '',
              signIn.givenName ?? null,
              signIn.familyName ?? null,
            ],
          );
          // Rotation: whatever session the browser had ends; sign-in always makes a new id.
          const previous = readSessionCookie(c, config);
          if (previous) await sessions.delete(previous);
          const id = await sessions.create({
            personId: person.rows[0].id,
            providerSub: signIn.sub,
            providerSid: signIn.sid,
            acr: signIn.acr,
            idToken: signIn.idToken,
            idTokenExpiresAt: signIn.idTokenExpiresAt,
            refreshToken: signIn.refreshToken,
          });
          setSessionCookie(c, config, id);
          return c.redirect(request.return_to, 302);
        } catch (error) {
          if (error instanceof SignInRefused) {
            log.warn({ code: error.code, reason: error.message }, 'sign-in refused');
            return c.redirect(failed(error.code), 302);
          }
          throw error;
        }
      })
      .post('/logout', async (c) => {
        const cookie = readSessionCookie(c, config);
        const ended = cookie ? await sessions.delete(cookie) : null;
        clearSessionCookie(c, config);
        c.header('Cache-Control', 'no-store');
        const endSessionUrl = ended ? await rp.endSessionUrl(ended.idToken) : undefined;
        return c.json(endSessionUrl ? { endSessionUrl } : {});
      })
      .post('/backchannel-logout', async (c) => {
        c.header('Cache-Control', 'no-store');
        const token = (await readForm(c.req, 8))?.get('logout_token');
        if (typeof token !== 'string') {
          return c.json(errorBody('invalid_request', 'logout_token is required'), 400);
        }
        try {
          const { sid, sub } = await rp.verifyLogoutToken(token);
          const ended = await sessions.deleteByProviderSession(sid, sub);
          log.info({ ended }, 'back-channel logout');
          return c.body(null, 200);
        } catch (error) {
          log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'logout token refused');
          return c.json(errorBody('invalid_request', 'The logout token is not valid.'), 400);
        }
      })
      // How long the session has left, without extending it (for the timeout warning).
      .get('/session', async (c) => {
        c.header('Cache-Control', 'no-store');
        const cookie = readSessionCookie(c, config);
        const session = cookie ? await sessions.peek(cookie) : null;
        return c.json(session ? { signedIn: true, ...session.info } : { signedIn: false });
      })
      // "Extend": every request with the session moves the idle timeout on (and refreshes the provider's).
      .post('/session', requirePerson, (c) => c.json({ signedIn: true, ...c.get('session') }))
  );
}
