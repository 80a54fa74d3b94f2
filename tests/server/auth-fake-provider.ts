import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(payload: Record<string, unknown>, key: KeyObject, kid: string, alg = 'RS256'): string {
  const input = `${b64({ alg, kid, typ: 'JWT' })}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export interface FakeProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Changes the ID token of the next sign-ins: gets the claims a correct provider would send. */
  tamper(fn: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined): void;
  /** Sign with a key the JWKS does not publish (under the published kid). */
  useForeignKey(on: boolean): void;
  /** A logout token as the provider would send it, changed by `change`. */
  logoutToken(change?: (claims: Record<string, unknown>) => Record<string, unknown>): string;
  lastSid(): string;
  close(): Promise<void>;
}

/**
 * A minimal OpenID Connect provider that can be told to misbehave: wrong nonce, audience, expiry, subject,
 * signature. The relying party must refuse each. Discovery, JWKS, authorize (redirects straight back) and token.
 */
export async function startFakeProvider(sub = 'EE24304142717'): Promise<FakeProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = 'fake-1';
  const clientId = 'minu-riik-test';
  const clientSecret = randomBytes(16).toString('hex');
  const codes = new Map<string, { nonce: string; redirectUri: string }>();
  let tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | undefined;
  let foreignKey = false;
  let sid = '';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  server.on('request', async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') {
      return json(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
    }
    if (url.pathname === '/authorize') {
      const code = randomBytes(8).toString('hex');
      const redirectUri = url.searchParams.get('redirect_uri') ?? '';
      codes.set(code, { nonce: url.searchParams.get('nonce') ?? '', redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { Location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      const [id, secret] = auth.split(':').map(decodeURIComponent);
      if (id !== clientId || secret !== clientSecret) return json(401, { error: 'invalid_client' });
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (!grant) return json(400, { error: 'invalid_grant' });
      const now = Math.floor(Date.now() / 1000);
      sid = randomBytes(8).toString('hex');
      let claims: Record<string, unknown> = {
        iss: issuer,
        aud: clientId,
        sub,
        iat: now,
        exp: now + 600,
        nonce: grant.nonce,
        acr: 'high',
        sid,
        profile_attributes: { given_name: 'Kadri', family_name: 'Tamm', date_of_birth: '1993-04-14' },
      };
      if (tamper) claims = tamper(claims);
      return json(200, {
        access_token: randomBytes(8).toString('hex'),
        token_type: 'Bearer',
        expires_in: 600,
        id_token: signJwt(claims, foreignKey ? foreign : privateKey, kid),
      });
    }
    json(404, { error: 'not_found' });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    tamper: (fn) => {
      tamper = fn;
    },
    useForeignKey: (on) => {
      foreignKey = on;
    },
    lastSid: () => sid,
    logoutToken: (change = (c) => c) => {
      const now = Math.floor(Date.now() / 1000);
      return signJwt(
        change({
          iss: issuer,
          aud: clientId,
          iat: now,
          exp: now + 120,
          jti: randomBytes(8).toString('hex'),
          sub,
          sid,
          events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
        }),
        foreignKey ? foreign : privateKey,
        kid,
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
