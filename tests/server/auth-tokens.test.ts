import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { type FakeProvider, startFakeProvider } from './auth-fake-provider';
import { CookieJar, signIn, startAuthServer, step, type TestServer } from './auth-harness';
import { openTestDatabase } from './db';

let db: Database;
let idp: FakeProvider;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  idp = await startFakeProvider();
  server = await startAuthServer(db, {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    AUTH_RATE_LIMIT: '10000',
  });
});
afterAll(async () => {
  await server?.close();
  await idp?.close();
  await db?.close();
});
afterEach(() => {
  idp.tamper(undefined);
  idp.useForeignKey(false);
});

async function attempt() {
  const jar = new CookieJar();
  const { location } = await signIn(server.url, jar, 'unused');
  return { jar, location: location.replace(server.url, '') };
}

describe('the ID token checks (TARA-style provider)', () => {
  it('accepts a correct token, with names from profile_attributes', async () => {
    expect(server.app.devIdp).toBeUndefined(); // OIDC_ISSUER set: no embedded provider
    const { jar, location } = await attempt();
    expect(location).toBe('/');
    const me = await (await step(jar, `${server.url}/api/me`)).json();
    expect(me).toMatchObject({ personalCode: '24304142717', givenName: 'Kadri', familyName: 'Tamm' });
  });

  const refusals: [string, (c: Record<string, unknown>) => Record<string, unknown>, string][] = [
    ['a wrong nonce', (c) => ({ ...c, nonce: 'not-the-one-we-sent' }), 'failed'],
    ['a missing nonce', ({ nonce: _, ...c }) => c, 'failed'],
    ['a wrong audience', (c) => ({ ...c, aud: 'another-client' }), 'failed'],
    ['a wrong issuer', (c) => ({ ...c, iss: 'https://evil.example' }), 'failed'],
    [
      'an expired token',
      (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }),
      'failed',
    ],
    ['a bad personal code (checksum)', (c) => ({ ...c, sub: 'EE49304142711' }), 'invalid_person'],
    ['a bad personal code (birth date)', (c) => ({ ...c, sub: 'EE49302302710' }), 'invalid_person'],
    ['a subject without the EE prefix', (c) => ({ ...c, sub: '24304142717' }), 'invalid_person'],
    ['a lower level of assurance than required', (c) => ({ ...c, acr: 'substantial' }), 'insufficient_acr'],
    ['no level of assurance', ({ acr: _, ...c }) => c, 'insufficient_acr'],
  ];

  it.each(refusals)('refuses %s', async (_name, tamper, code) => {
    idp.tamper(tamper);
    const { jar, location } = await attempt();
    expect(location).toBe(`/?sign_in_error=${code}`);
    expect(jar.cookies.get('mr_session')).toBeUndefined();
  });

  it('refuses a token signed with a key the provider does not publish', async () => {
    idp.useForeignKey(true);
    const { jar, location } = await attempt();
    expect(location).toBe('/?sign_in_error=failed');
    expect(jar.cookies.get('mr_session')).toBeUndefined();
  });

  it('refuses the callback in another browser (state cookie missing)', async () => {
    const jar = new CookieJar();
    const login = await step(jar, `${server.url}/auth/login`);
    const back = await step(new CookieJar(), login.headers.get('location')!);
    const other = new CookieJar();
    const res = await step(other, back.headers.get('location')!);
    expect(res.headers.get('location')).toBe('/?sign_in_error=expired');
    expect(other.cookies.get('mr_session')).toBeUndefined();
  });
});

describe('POST /auth/backchannel-logout', () => {
  const post = (token: string | undefined) =>
    fetch(`${server.url}/auth/backchannel-logout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: token === undefined ? '' : new URLSearchParams({ logout_token: token }).toString(),
    });

  async function signedIn() {
    const { jar } = await attempt();
    expect((await step(jar, `${server.url}/api/me`)).status).toBe(200);
    return jar;
  }

  const bad: [string, (c: Record<string, unknown>) => Record<string, unknown>][] = [
    ['a wrong audience', (c) => ({ ...c, aud: 'another-client' })],
    ['a wrong issuer', (c) => ({ ...c, iss: 'https://evil.example' })],
    ['no logout event', (c) => ({ ...c, events: {} })],
    ['a nonce', (c) => ({ ...c, nonce: 'x' })],
    ['an old iat', (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 3600 })],
    ['neither sid nor sub', ({ sid: _s, sub: _u, ...c }) => c],
  ];

  it.each(bad)('refuses a logout token with %s and ends nothing', async (_name, change) => {
    const jar = await signedIn();
    const res = await post(idp.logoutToken(change));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_request');
    expect((await step(jar, `${server.url}/api/me`)).status).toBe(200);
  });

  it('refuses a forged signature and a missing token', async () => {
    const jar = await signedIn();
    idp.useForeignKey(true);
    expect((await post(idp.logoutToken())).status).toBe(400);
    expect((await post(undefined)).status).toBe(400);
    expect((await post('not.a.jwt')).status).toBe(400);
    expect((await step(jar, `${server.url}/api/me`)).status).toBe(200);
  });

  it("ends the sessions of the provider's session id", async () => {
    const other = await signedIn();
    const jar = await signedIn(); // the latest sign-in: idp.lastSid() is this one's
    const res = await post(idp.logoutToken());
    expect(res.status).toBe(200);
    expect((await step(jar, `${server.url}/api/me`)).status).toBe(401);
    expect((await step(other, `${server.url}/api/me`)).status).toBe(200);
  });
});
