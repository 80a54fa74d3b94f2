import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Queryable } from '../db/database';

/**
 * oidc-provider's storage in the database (table oidc_store): sessions, interactions, grants, codes and
 * refresh tokens survive a restart and are shared by every API process.
 */
export function databaseAdapter(db: Queryable): new (model: string) => Adapter {
  return class DatabaseAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
      await db.query(
        `INSERT INTO oidc_store (model, id, payload, grant_id, uid, expires_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::int IS NULL THEN NULL ELSE now() + make_interval(secs => $6::int) END)
         ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
           uid = excluded.uid, expires_at = excluded.expires_at`,
        [this.model, id, payload, payload.grantId ?? null, payload.uid ?? null, expiresIn ?? null],
      );
    }

    private async one(where: string, value: string): Promise<AdapterPayload | undefined> {
      const { rows } = await db.query<{ payload: AdapterPayload }>(
        `SELECT payload FROM oidc_store WHERE model = $1 AND ${where} = $2 AND (expires_at IS NULL OR expires_at > now())`,
        [this.model, value],
      );
      return rows[0]?.payload;
    }

    find(id: string) {
      return this.one('id', id);
    }

    findByUid(uid: string) {
      return this.one('uid', uid);
    }

    findByUserCode(userCode: string) {
      return this.one(`payload->>'userCode'`, userCode);
    }

    async consume(id: string) {
      await db.query(
        `UPDATE oidc_store SET payload = payload || jsonb_build_object('consumed', floor(extract(epoch FROM now())))
         WHERE model = $1 AND id = $2`,
        [this.model, id],
      );
    }

    async destroy(id: string) {
      await db.query('DELETE FROM oidc_store WHERE model = $1 AND id = $2', [this.model, id]);
    }

    async revokeByGrantId(grantId: string) {
      await db.query('DELETE FROM oidc_store WHERE grant_id = $1', [grantId]);
    }
  };
}

/** The development provider's secrets: its signing key, cookie key and the app's client secret. */
export interface DevIdpKeys {
  signingKey: Record<string, unknown>;
  cookieKey: string;
  clientSecret: string;
}

export function newDevIdpKeys(): DevIdpKeys {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    signingKey: {
      ...privateKey.export({ format: 'jwk' }),
      kid: randomBytes(8).toString('hex'),
      use: 'sig',
      alg: 'RS256',
    },
    cookieKey: randomBytes(32).toString('base64url'),
    clientSecret: randomBytes(32).toString('base64url'),
  };
}

/** The keys kept in the database (made at the first start; if two processes race, both get the first). */
export async function loadDevIdpKeys(db: Queryable): Promise<DevIdpKeys> {
  await db.query(`INSERT INTO server_keys (name, value) VALUES ('dev_idp', $1) ON CONFLICT (name) DO NOTHING`, [
    newDevIdpKeys(),
  ]);
  const { rows } = await db.query<{ value: DevIdpKeys }>(`SELECT value FROM server_keys WHERE name = 'dev_idp'`);
  return rows[0].value;
}
