import { execFileSync } from 'node:child_process';
import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error http_ece ships no types; it is web-push's own encryption library
import ece from 'http_ece';

export interface ReceivedPush {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A browser's push subscription with the private keys to read what is sent to it. */
export interface TestSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  decrypt(body: Buffer): unknown;
}

/**
 * A push service on loopback over HTTPS (web-push only sends over HTTPS), with a certificate made for
 * the run and an agent that trusts it. It records each request and answers with the next queued status.
 */
export async function startMockPushService() {
  const dir = mkdtempSync(join(tmpdir(), 'mock-push-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(join(dir, 'cert.pem'));
  const key = readFileSync(join(dir, 'key.pem'));
  rmSync(dir, { recursive: true, force: true });

  const received: ReceivedPush[] = [];
  const statuses: number[] = [];
  const server: Server = createServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(statuses.shift() ?? 201).end();
    });
  });
  let connections = 0;
  server.on('secureConnection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const origin = `https://127.0.0.1:${port}`;

  return {
    origin,
    received,
    /** How many TLS connections were made to it. */
    connections: () => connections,
    /** Answers the next requests with these statuses (then 201). */
    answer: (...codes: number[]) => statuses.push(...codes),
    agent: new Agent({ ca: cert }),
    /** The certificate to trust, for the push sender's agents. */
    ca: cert,
    subscription(name = randomBytes(6).toString('hex')): TestSubscription {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      return {
        endpoint: `${origin}/push/${name}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
        decrypt: (body) =>
          JSON.parse(
            ece
              .decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth.toString('base64url') })
              .toString(),
          ),
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the sender's keep-alive connections
      }),
  };
}

/** Checks a request's `Authorization: vapid t=<JWT>, k=<key>`: ES256 signature by k, audience, expiry. */
export function verifyVapid(push: ReceivedPush, expected: { publicKey: string; audience: string; subject: string }) {
  const header = String(push.headers.authorization ?? '');
  const match = /^vapid t=([^,]+),\s*k=(.+)$/.exec(header);
  if (!match) throw new Error(`no VAPID authorization: ${header}`);
  const [, jwt, k] = match;
  if (k !== expected.publicKey) throw new Error('VAPID key is not the server’s');
  const [h, p, s] = jwt.split('.');
  const point = Buffer.from(k, 'base64url');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const valid = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  if (!valid) throw new Error('VAPID signature invalid');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  if (claims.aud !== expected.audience) throw new Error(`VAPID audience ${claims.aud}`);
  if (claims.sub !== expected.subject) throw new Error(`VAPID subject ${claims.sub}`);
  if (!(claims.exp * 1000 > Date.now())) throw new Error('VAPID token expired');
  return claims;
}
