import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../src/contract/http';
import { loadAuthConfig } from '../../src/server/auth';
import { createDevIdp } from '../../src/server/auth/dev-idp';
import { safeReturnTo } from '../../src/server/auth/routes';
import { ConfigError, loadConfig } from '../../src/server/config';
import { type Database, openDatabase } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { createLogger } from '../../src/server/log';
import { seed } from '../../src/server/seed';
import { appRequest, CookieJar, signIn, startAuthServer, step, type TestServer } from './auth-harness';
import { openTestDatabase } from './db';

const KADRI = '24304142717';
const AIVAR = '11202193427';

let db: Database;
let server: TestServer;
let base: string;

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startAuthServer(db, { AUTH_RATE_LIMIT: '10000' });
  base = server.url;
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const sessionCookie = (jar: CookieJar) => jar.cookies.get('mr_session');
const me = (jar: CookieJar) => step(jar, `${base}/api/me`);

describe('sign-in through the embedded development provider', () => {
  it('is a real OpenID Connect provider: discovery, JWKS, PKCE S256, acr levels', async () => {
    const meta = await (await fetch(`${base}/auth/idp/.well-known/openid-configuration`)).json();
    expect(meta.issuer).toBe(`${base}/auth/idp`);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.acr_values_supported).toContain('high');
    const jwks = await (await fetch(meta.jwks_uri)).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('sends the person to the provider with state, nonce, PKCE, ui_locales and acr_values', async () => {
    const jar = new CookieJar();
    const res = await step(jar, `${base}/auth/login?return_to=/inbox&lang=ru`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.href.startsWith(`${base}/auth/idp/auth`)).toBe(true);
    for (const param of ['state', 'nonce', 'code_challenge'])
      expect(location.searchParams.get(param)?.length).toBeGreaterThan(20);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('ui_locales')).toBe('ru');
    expect(location.searchParams.get('acr_values')).toBe('high');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mr_login='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // The state is the hash of the cookie's value, not the value itself.
    expect(location.searchParams.get('state')).not.toBe(jar.cookies.get('mr_login'));
  });

  it('shows a sign-in page in the requested language listing the demo people', async () => {
    const jar = new CookieJar();
    let res = await step(jar, `${base}/auth/login?lang=uk`);
    res = await step(jar, res.headers.get('location')!);
    const page = await (await step(jar, new URL(res.headers.get('location')!, base).href)).text();
    expect(page).toContain('<html lang="uk">');
    expect(page).toContain('Демонстраційний вхід');
    expect(page).toContain('Kadri Tamm');
    expect(page).toContain(KADRI);
    expect(page).toMatch(/<label for="code">/);
  });

  it('signs the person in, lands where they wanted to go, and gives no tokens to the browser', async () => {
    const jar = new CookieJar();
    const { location, response } = await signIn(base, jar, KADRI, { returnTo: '/inbox?tab=new' });
    expect(location).toBe(`${base}/inbox?tab=new`);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('mr_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // loopback http only; Secure everywhere else
    const res = await me(jar);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({
      id: 'me',
      givenName: 'Kadri',
      familyName: 'Tamm',
      personalCode: KADRI,
      birthDate: '1993-04-14',
      preferredLanguage: 'et',
    });
    expect(new Date(body.session.idleExpiresAt).getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect(JSON.stringify(body)).not.toMatch(/eyJ/); // no JWT anywhere
  });

  it('accepts any valid personal code and creates the person with the names given', async () => {
    const jar = new CookieJar();
    const { location } = await signIn(base, jar, '39001010000', {
      form: { given_name: 'Jaan', family_name: 'Uus' },
    });
    expect(location).toBe(`${base}/`);
    expect(await (await me(jar)).json()).toMatchObject({ givenName: 'Jaan', familyName: 'Uus' });
  });

  it('refuses an invalid personal code on the provider page', async () => {
    const jar = new CookieJar();
    let res = await step(jar, `${base}/auth/login?lang=en`);
    res = await step(jar, res.headers.get('location')!);
    const url = new URL(res.headers.get('location')!, base).href;
    await step(jar, url);
    res = await step(jar, url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'personal_code=49304142711&lang=en',
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('not a valid Estonian personal code');
    expect(page).toContain('aria-invalid="true"');
  });

  it('tells the app when the person cancels', async () => {
    const jar = new CookieJar();
    const { location } = await signIn(base, jar, KADRI, { form: { cancel: '1' } });
    expect(location).toBe(`${base}/?sign_in_error=cancelled`);
    expect(sessionCookie(jar)).toBeUndefined();
  });

  it('refuses a callback without its sign-in attempt (forged or replayed state)', async () => {
    const jar = new CookieJar();
    const res = await step(jar, `${base}/auth/callback?code=abc&state=xyz`);
    expect(res.headers.get('location')).toBe('/?sign_in_error=expired');
    expect(sessionCookie(jar)).toBeUndefined();
  });

  it('never redirects back to another site', () => {
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', '/auth/logout', 'x'])
      expect(safeReturnTo(bad)).toBe('/');
    expect(safeReturnTo('/services/marriage?x=1')).toBe('/services/marriage?x=1');
  });

  it('rotates the session id at every sign-in', async () => {
    const jar = new CookieJar();
    await signIn(base, jar, KADRI);
    const first = sessionCookie(jar)!;
    await signIn(base, jar, KADRI);
    const second = sessionCookie(jar)!;
    expect(second).not.toBe(first);
    const old = new CookieJar();
    old.cookies.set('mr_session', first);
    expect((await me(old)).status).toBe(401);
    expect((await me(jar)).status).toBe(200);
  });
});

describe('sessions', () => {
  const hash = async (jar: CookieJar) => {
    const { sha256 } = await import('../../src/server/auth/sessions');
    return sha256(sessionCookie(jar)!);
  };

  it('answers 401 JSON without a session', async () => {
    const res = await fetch(`${base}/api/me`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('slides the idle timeout on use, and /auth/session reports it without extending it', async () => {
    const jar = new CookieJar();
    await signIn(base, jar, KADRI);
    await db.query(`UPDATE sessions SET idle_expires_at = now() + interval '1 minute' WHERE id_hash = $1`, [
      await hash(jar),
    ]);
    const peek = await (await step(jar, `${base}/auth/session`)).json();
    expect(peek.signedIn).toBe(true);
    expect(new Date(peek.idleExpiresAt).getTime()).toBeLessThan(Date.now() + 2 * 60_000);
    const extended = await appRequest(base, jar, '/auth/session', { method: 'POST' });
    expect(extended.status).toBe(200);
    expect(new Date((await extended.json()).idleExpiresAt).getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
  });

  it('ends a session after the idle timeout', async () => {
    const jar = new CookieJar();
    await signIn(base, jar, KADRI);
    await db.query(`UPDATE sessions SET idle_expires_at = now() - interval '1 second' WHERE id_hash = $1`, [
      await hash(jar),
    ]);
    expect((await me(jar)).status).toBe(401);
    expect(await (await step(jar, `${base}/auth/session`)).json()).toEqual({ signedIn: false });
    expect((await appRequest(base, jar, '/auth/session', { method: 'POST' })).status).toBe(401);
  });

  it('ends a session at its absolute lifetime however active it is, and never slides past it', async () => {
    const jar = new CookieJar();
    await signIn(base, jar, KADRI);
    await db.query(`UPDATE sessions SET absolute_expires_at = now() + interval '5 minutes' WHERE id_hash = $1`, [
      await hash(jar),
    ]);
    const body = await (await me(jar)).json();
    expect(body.session.idleExpiresAt).toBe(body.session.absoluteExpiresAt);
    await db.query(`UPDATE sessions SET absolute_expires_at = now() - interval '1 second' WHERE id_hash = $1`, [
      await hash(jar),
    ]);
    expect((await me(jar)).status).toBe(401);
  });

  it('uses the configured lifetimes', () => {
    const config = loadAuthConfig({ SESSION_IDLE_MINUTES: '15', SESSION_MAX_HOURS: '8' });
    expect(config.idleTimeoutSeconds).toBe(900);
    expect(config.absoluteLifetimeSeconds).toBe(8 * 3600);
    expect(() => loadAuthConfig({ SESSION_IDLE_MINUTES: 'soon' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(loadAuthConfig({ PUBLIC_URL: 'https://minuriik.example.ee', DEMO: 'true' }).secureCookies).toBe(true);
    expect(loadAuthConfig({ PUBLIC_URL: 'http://localhost:8080' }).secureCookies).toBe(false);
  });

  it("refreshes the provider's session (refresh token) before its ID token expires", async () => {
    const jar = new CookieJar();
    await signIn(base, jar, KADRI);
    const id = await hash(jar);
    const before = await db.query<{ refresh_token: string }>('SELECT refresh_token FROM sessions WHERE id_hash = $1', [
      id,
    ]);
    expect(before.rows[0].refresh_token).toBeTruthy();
    await db.query(`UPDATE sessions SET id_token_expires_at = now() + interval '30 seconds' WHERE id_hash = $1`, [id]);
    expect((await me(jar)).status).toBe(200);
    const after = await db.query<{ refresh_token: string; id_token_expires_at: Date }>(
      'SELECT refresh_token, id_token_expires_at FROM sessions WHERE id_hash = $1',
      [id],
    );
    expect(new Date(after.rows[0].id_token_expires_at).getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
  });

  it('ends the session when the provider refuses the refresh', async () => {
    const jar = new CookieJar();
    await signIn(base, jar, KADRI);
    const id = await hash(jar);
    await db.query(`UPDATE sessions SET id_token_expires_at = now(), refresh_token = 'revoked' WHERE id_hash = $1`, [
      id,
    ]);
    expect((await me(jar)).status).toBe(401);
    expect((await db.query('SELECT 1 FROM sessions WHERE id_hash = $1', [id])).rows).toHaveLength(0);
  });
});

describe('sign-out', () => {
  it("ends the session, and the provider's session through RP-initiated logout", async () => {
    const jar = new CookieJar();
    await signIn(base, jar, KADRI);
    const res = await appRequest(base, jar, '/auth/logout', { method: 'POST' });
    expect(res.status).toBe(200);
    const { endSessionUrl } = await res.json();
    expect(endSessionUrl).toMatch(new RegExp(`^${base}/auth/idp/session/end\\?`));
    expect(new URL(endSessionUrl).searchParams.get('id_token_hint')).toBeTruthy();
    expect(new URL(endSessionUrl).searchParams.get('post_logout_redirect_uri')).toBe(`${base}/`);
    expect(sessionCookie(jar)).toBeUndefined();
    expect((await me(jar)).status).toBe(401);
  });

  it("back-channel: ending the provider's session ends the app's other sessions of it", async () => {
    // Two app sessions on the same provider session (as two apps under GovSSO).
    const first = new CookieJar();
    await signIn(base, first, AIVAR);
    const second = new CookieJar();
    for (const [k, v] of first.cookies) if (k !== 'mr_session') second.cookies.set(k, v);
    const { location } = await signIn(base, second, AIVAR); // no form: the provider remembers the person
    expect(location).toBe(`${base}/`);
    expect((await me(second)).status).toBe(200);

    const { endSessionUrl } = await (await appRequest(base, first, '/auth/logout', { method: 'POST' })).json();
    // The provider's logout page confirms with a form (auto-submitted in a browser).
    const page = await (await step(first, endSessionUrl)).text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)![1];
    const done = await step(first, new URL(action, base).href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(done.headers.get('location')).toBe(`${base}/`);
    await expect.poll(async () => (await me(second)).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cross-site form post and changes nothing', async () => {
    const jar = new CookieJar();
    await signIn(base, jar, KADRI);
    const res = await step(jar, `${base}/auth/logout`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('csrf');
    expect((await me(jar)).status).toBe(200);

    const settings = await step(jar, `${base}/api/me/settings`, {
      method: 'PUT',
      headers: { Origin: 'https://evil.example', [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'application/json' },
      body: JSON.stringify({ language: 'ru' }),
    });
    expect(settings.status).toBe(403);
    expect((await (await me(jar)).json()).preferredLanguage).toBe('et');
  });

  it("refuses the app's own origin without the app's header, and a request with no Origin", async () => {
    const jar = new CookieJar();
    await signIn(base, jar, KADRI);
    const noHeader = await step(jar, `${base}/api/me/settings`, {
      method: 'PUT',
      headers: { Origin: base, 'Content-Type': 'application/json' },
      body: JSON.stringify({ language: 'ru' }),
    });
    expect(noHeader.status).toBe(403);
    const noOrigin = await step(jar, `${base}/api/me/settings`, {
      method: 'PUT',
      headers: { [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'application/json' },
      body: JSON.stringify({ language: 'ru' }),
    });
    expect(noOrigin.status).toBe(403);
    expect((await (await me(jar)).json()).preferredLanguage).toBe('et');
  });
});

describe('PUT /api/me/settings', () => {
  it("validates the body and changes the session's person's language only", async () => {
    const jar = new CookieJar();
    await signIn(base, jar, '23711087040');
    const bad = await appRequest(base, jar, '/api/me/settings', {
      method: 'PUT',
      body: JSON.stringify({ language: 'de' }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_body');
    const extra = await appRequest(base, jar, '/api/me/settings', {
      method: 'PUT',
      body: JSON.stringify({ language: 'ru', personId: 'someone-else' }),
    });
    expect(extra.status).toBe(400);
    const ok = await appRequest(base, jar, '/api/me/settings', {
      method: 'PUT',
      body: JSON.stringify({ language: 'uk' }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: 'settings', language: 'uk' });
    expect((await (await me(jar)).json()).preferredLanguage).toBe('uk');
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the limit on /auth/*', async () => {
    const limited = await startAuthServer(db, { AUTH_RATE_LIMIT: '3', AUTH_RATE_WINDOW_SECONDS: '60' });
    // The count is in the database, per address, shared with the other servers of this file: start afresh.
    await db.query('DELETE FROM rate_limits');
    try {
      for (let i = 0; i < 3; i++) expect((await fetch(`${limited.url}/auth/session`)).status).toBe(200);
      const res = await fetch(`${limited.url}/auth/login`, { redirect: 'manual' });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await res.json()).error.code).toBe('rate_limited');
      // The rest of the app is not limited.
      expect((await fetch(`${limited.url}/api/health`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('DEMO and production', () => {
  it('DEMO=false refuses to start with the development provider, default secrets or a missing OIDC_*', () => {
    const log = createLogger('silent');
    // Off by default outside a loopback PUBLIC_URL or with NODE_ENV=production; every problem in one error.
    for (const env of [{ PUBLIC_URL: 'https://minuriik.example.ee' }, { NODE_ENV: 'production' }, { DEMO: 'false' }]) {
      expect(() => loadAuthConfig(env), JSON.stringify(env)).toThrow(/OIDC_ISSUER: required with DEMO=false/);
    }
    let error: unknown;
    try {
      loadConfig({ DEMO: 'false', OIDC_ISSUER: 'https://tara.ria.ee', PORT: 'x', VAPID_PUBLIC_KEY: 'k' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^PORT: /)]);
    try {
      loadConfig({ DEMO: 'false', OIDC_ISSUER: 'https://tara.ria.ee', VAPID_PUBLIC_KEY: 'k' });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toEqual([
      'OIDC_CLIENT_ID: required with OIDC_ISSUER',
      'OIDC_CLIENT_SECRET: required with OIDC_ISSUER',
      'VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither',
      'PUBLIC_URL: an https:// address with DEMO=false',
      'DATABASE_URL: required with DEMO=false (the embedded database is for the demo and tests)',
    ]);
    // The provider itself refuses too, whatever config it is handed.
    const demo = loadAuthConfig({});
    expect(() => createDevIdp({ config: { ...demo, devIdpAllowed: false }, db, log })).toThrow(/DEMO=true/);
    expect(createDevIdp({ config: demo, db, log }).provider.issuer).toBe('http://localhost:8080/auth/idp');
    // DEMO=true on a public address is an explicit choice (a public demo).
    expect(loadConfig({ DEMO: 'true', PUBLIC_URL: 'https://demo.minuriik.example' }).auth.devIdp).toBe(true);
    const production = loadConfig({
      PUBLIC_URL: 'https://minuriik.example.ee',
      OIDC_ISSUER: 'https://tara.ria.ee',
      OIDC_CLIENT_ID: 'minu-riik',
      OIDC_CLIENT_SECRET: 'a-secret-of-sixteen-or-more',
      DATABASE_URL: 'postgres://app@db.internal:5432/minuriik',
    });
    expect(production.demo).toBe(false);
    expect(production.auth.devIdp).toBe(false);
  });

  it('seeds the catalogue but no demo people without DEMO', async () => {
    const empty = await openDatabase({});
    try {
      await migrate(empty);
      await seed(empty, { demo: false });
      const { rows } = await empty.query<{ people: number; services: number }>(
        'SELECT (SELECT count(*)::int FROM persons) AS people, (SELECT count(*)::int FROM event_services) AS services',
      );
      expect(rows[0]).toEqual({ people: 0, services: 8 });
    } finally {
      await empty.close();
    }
  });
});
