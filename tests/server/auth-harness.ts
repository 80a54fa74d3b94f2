import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { CSRF_HEADER, CSRF_VALUE } from '../../src/contract/http';
import { createApp } from '../../src/server/app';
import { type AuthConfig, loadAuthConfig } from '../../src/server/auth';
import type { DevIdpKeys } from '../../src/server/auth/dev-idp-store';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';
import { testVapid } from './app';

/** A browser's cookies for one origin, enough to follow a sign-in by hand. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export interface TestServer {
  url: string;
  app: ReturnType<typeof createApp>;
  config: AuthConfig;
  close(): Promise<void>;
}

/**
 * The real app with the embedded development provider on a random loopback port: the relying party
 * talks to the provider over HTTP exactly as in production.
 */
export async function startAuthServer(
  db: Database,
  env: Record<string, string> = {},
  devIdpKeys?: DevIdpKeys,
): Promise<TestServer> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const config = { ...loadAuthConfig({ PUBLIC_URL: url, AUTH_RATE_LIMIT: '10000', ...env }), devIdpKeys };
  const app = createApp({
    db,
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    auth: config,
    vapid: testVapid,
  });
  const hono = getRequestListener(app.fetch);
  server.on('request', (req, res) => (app.devIdp?.owns(req.url) ? app.devIdp.handle(req, res) : hono(req, res)));
  return {
    url,
    app,
    config,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One step of a browser's navigation: the request with the jar's cookies, cookies stored, no redirects followed. */
export async function step(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (jar.cookies.size) headers.set('Cookie', jar.header());
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(response);
  return response;
}

const absolute = (base: string, location: string | null) => new URL(location ?? '', base).href;

/**
 * Signs in as a browser would: /auth/login → provider → (its sign-in form, unless it already has a
 * session) → back to /auth/callback. Returns where the app finally redirected to.
 */
export async function signIn(
  base: string,
  jar: CookieJar,
  personalCode: string,
  options: { returnTo?: string; form?: Record<string, string> } = {},
): Promise<{ location: string; response: Response }> {
  let url = `${base}/auth/login?return_to=${encodeURIComponent(options.returnTo ?? '/')}`;
  let response = await step(jar, url);
  for (let i = 0; i < 12; i++) {
    if (response.status === 200 && url.includes('/interaction/')) {
      const page = await response.text();
      if (!page.includes('name="personal_code"')) throw new Error(`no sign-in form at ${url}`);
      response = await step(jar, url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ personal_code: personalCode, lang: 'en', ...options.form }).toString(),
      });
      continue;
    }
    if (response.status < 300 || response.status >= 400) return { location: url, response };
    const next = absolute(url, response.headers.get('location'));
    const inSignIn = next.startsWith(`${base}/auth/`) || !next.startsWith(base);
    if (!inSignIn) return { location: next, response };
    url = next;
    response = await step(jar, url);
  }
  throw new Error('too many redirects');
}

/** A request from the app itself: its Origin and its CSRF header. */
export function appRequest(base: string, jar: CookieJar, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('Origin', base);
  headers.set(CSRF_HEADER, CSRF_VALUE);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  return step(jar, `${base}${path}`, { ...init, headers });
}
