import { createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';

/** JWS algorithms we accept from a provider; `none` and HMAC never. */
const ALGORITHMS: Record<string, { hash: string; options?: object }> = {
  RS256: { hash: 'sha256' },
  RS384: { hash: 'sha384' },
  RS512: { hash: 'sha512' },
  PS256: { hash: 'sha256', options: { padding: 6, saltLength: 32 } },
  ES256: { hash: 'sha256', options: { dsaEncoding: 'ieee-p1363' } },
  ES384: { hash: 'sha384', options: { dsaEncoding: 'ieee-p1363' } },
};

export class JwtError extends Error {}

interface Jwk extends JsonWebKey {
  kid?: string;
  use?: string;
  alg?: string;
}

function decodePart(part: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // fall through
  }
  throw new JwtError('malformed JWT');
}

/**
 * A provider's signing keys, fetched from its JWKS address and fetched again when a token names a key
 * we do not have (key rotation), at most once a minute.
 */
export class KeySet {
  private keys = new Map<string, { key: KeyObject; alg?: string }>();
  private fetchedAt = 0;

  constructor(
    private readonly jwksUri: () => Promise<string>,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private async refresh(): Promise<void> {
    const response = await this.fetchImpl(await this.jwksUri(), { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new JwtError(`JWKS answered ${response.status}`);
    const body = (await response.json()) as { keys?: Jwk[] };
    const keys = new Map<string, { key: KeyObject; alg?: string }>();
    for (const jwk of body.keys ?? []) {
      if (jwk.use && jwk.use !== 'sig') continue;
      try {
        keys.set(jwk.kid ?? '', { key: createPublicKey({ key: jwk, format: 'jwk' }), alg: jwk.alg });
      } catch {
        // a key type we cannot use: skip it
      }
    }
    this.keys = keys;
    this.fetchedAt = Date.now();
  }

  async get(kid: string | undefined): Promise<{ key: KeyObject; alg?: string }> {
    const find = () =>
      kid === undefined && this.keys.size === 1 ? [...this.keys.values()][0] : this.keys.get(kid ?? '');
    if (!find() && Date.now() - this.fetchedAt > 60_000) await this.refresh();
    const found = find();
    if (!found) throw new JwtError('no key with that kid');
    return found;
  }
}

/** Verifies a JWS's signature with the key its `kid` names and returns the payload (claims not yet checked). */
export async function verifyJws(token: string, keys: KeySet): Promise<Record<string, unknown>> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtError('not a signed JWT');
  const header = decodePart(parts[0]);
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const algorithm = ALGORITHMS[alg];
  if (!algorithm) throw new JwtError(`algorithm ${alg || 'missing'} not accepted`);
  const { key, alg: keyAlg } = await keys.get(typeof header.kid === 'string' ? header.kid : undefined);
  if (keyAlg && keyAlg !== alg) throw new JwtError('algorithm does not match the key');
  const ok = verify(
    algorithm.hash,
    Buffer.from(`${parts[0]}.${parts[1]}`),
    { key, ...algorithm.options } as Parameters<typeof verify>[2],
    Buffer.from(parts[2], 'base64url'),
  );
  if (!ok) throw new JwtError('bad signature');
  return decodePart(parts[1]);
}
