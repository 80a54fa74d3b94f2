import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_FRAME_SCRIPT } from '../../src/contract/first-frame';
import type { Database } from '../../src/server/db/database';
import { testApp } from './app';
import { CookieJar, signIn, startAuthServer, type TestServer } from './auth-harness';
import { openTestDatabase } from './db';

/** Security headers, CSRF by PUBLIC_URL only, JSON everywhere, and static files on @hono/node-server 2. */

let db: Database;
let server: TestServer;
let staticDir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startAuthServer(db, { AUTH_RATE_LIMIT: '100000' });
  staticDir = mkdtempSync(join(tmpdir(), 'static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(staticDir, 'sw.js'), 'x'.repeat(1000));
});
afterAll(async () => {
  await server?.close();
  await db?.close();
  rmSync(staticDir, { recursive: true, force: true });
});

/** A raw request, with whatever Host the sender likes. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest(
      `${server.url}${path}`,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (b: Buffer) => parts.push(b));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('headers', () => {
  it('deny powerful features and keep forms to the app (Permissions-Policy, CSP form-action)', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.headers.get('permissions-policy')).toMatch(/(^|, )camera=\(\)/);
    expect(res.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
    expect(res.headers.get('content-security-policy')).toMatch(/form-action 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('allow scripts from the app only, and the inline script of the first frame by its hash alone', async () => {
    const res = await fetch(`${server.url}/`);
    const scriptSrc = /script-src ([^;]+)/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    const hash = createHash('sha256').update(FIRST_FRAME_SCRIPT).digest('base64');
    expect(scriptSrc).toBe(`'self' 'sha256-${hash}'`);
  });

  it('are the same at the development provider, which echoes no Origin', async () => {
    for (const path of ['/auth/idp/.well-known/openid-configuration', '/auth/idp/jwks']) {
      const res = await fetch(`${server.url}${path}`, { headers: { Origin: 'https://evil.example' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('permissions-policy'), path).toMatch(/camera=\(\)/);
    }
    const preflight = await fetch(`${server.url}/auth/idp/jwks`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CSRF', () => {
  it('takes only PUBLIC_URL as the app’s origin, not one that matches a forged Host', async () => {
    const res = await raw('/auth/logout', {
      method: 'POST',
      headers: { Host: 'evil.example', Origin: 'http://evil.example', 'X-Minu-Riik': '1' },
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'csrf' } });
  });
});

describe('JSON errors', () => {
  it('answer a method or path nothing serves under /auth with a JSON 404', async () => {
    for (const [method, path] of [
      ['PUT', '/auth/login'],
      ['DELETE', '/auth/callback'],
      ['GET', '/auth/nothing-here'],
    ]) {
      const res = await raw(path, { method, headers: { Origin: server.url, 'X-Minu-Riik': '1' } });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers['content-type'], `${method} ${path}`).toMatch(/^application\/json/);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('refuse a development-provider form over 16 KB with a 413, and a NUL in a typed name with the form again', async () => {
    const jar = new CookieJar();
    const big = await signIn(server.url, jar, '38001085718', { form: { given_name: 'x'.repeat(20_000) } });
    expect(big.response.status).toBe(413);
    expect(await big.response.json()).toMatchObject({ error: { code: 'body_too_large' } });
    const nul = await signIn(server.url, new CookieJar(), '38001085718', { form: { given_name: 'Ma\u0000ri' } });
    expect(nul.response.status).toBe(422);
    const { rows } = await db.query("SELECT 1 FROM persons WHERE given_name LIKE 'Ma%ri'");
    expect(rows).toEqual([]);
  });
});

describe('static files (@hono/node-server 2)', () => {
  let app: ReturnType<typeof testApp>;
  beforeAll(() => {
    app = testApp(db, { staticDir });
  });

  it('answer an unsatisfiable or malformed Range with 416, and a good one with 206', async () => {
    for (const range of ['bytes=100-50', 'bytes=999999-', `bytes=${'9'.repeat(400)}-`, 'bytes=99999999-99999999']) {
      const res = await app.request('/sw.js', { headers: { Range: range } });
      expect([416, 200], range).toContain(res.status);
      if (res.status === 416) expect(res.headers.get('content-range'), range).toBe('bytes */1000');
      else expect((await res.arrayBuffer()).byteLength, range).toBe(1000);
    }
    const part = await app.request('/sw.js', { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
  });

  it('serve only GET and HEAD: any other method gets a JSON 404 with its body', async () => {
    for (const path of ['/', '/sw.js', '/index.html']) {
      for (const method of ['OPTIONS', 'POST', 'PUT']) {
        const res = await app.request(path, { method });
        expect(res.status, `${method} ${path}`).toBe(404);
        const body = await res.text();
        expect(JSON.parse(body), `${method} ${path}`).toMatchObject({ error: { code: 'not_found' } });
      }
    }
    expect((await app.request('/sw.js', { method: 'HEAD' })).status).toBe(200);
  });
});
