import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';
import { iso, isoOrNull } from '../db/timestamps';

/**
 * Agencies' API keys. A key is `mr_<agencyId>_<32 random bytes, base64url>`; it is shown once when
 * made and only its SHA-256 is stored, so a copy of the database gives nobody a usable key.
 */

export interface AgencyKey {
  id: string;
  agencyId: string;
  /** The event types the key may post. */
  scopes: string[];
}

export interface AgencyKeyInfo extends AgencyKey {
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export async function createAgencyKey(
  db: Queryable,
  agencyId: string,
  options: { label?: string; scopes: string[] },
): Promise<{ id: string; key: string }> {
  const { rows: agency } = await db.query('SELECT 1 FROM agencies WHERE id = $1', [agencyId]);
  if (agency.length === 0) throw new Error(`No agency ${agencyId}`);
  if (options.scopes.length === 0) throw new Error('A key needs at least one event type');
  const key = `mr_${agencyId}_${randomBytes(32).toString('base64url')}`;
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO agency_api_keys (agency_id, key_hash, label, scopes) VALUES ($1, $2, $3, $4) RETURNING id',
    [agencyId, hashKey(key), options.label ?? '', options.scopes],
  );
  return { id: rows[0].id, key };
}

/** The key's agency and scopes, or null for an unknown or revoked key. */
export async function authenticateAgencyKey(db: Queryable, key: string): Promise<AgencyKey | null> {
  if (!/^mr_[a-z0-9-]+_[\w-]{43}$/.test(key)) return null;
  const { rows } = await db.query<{ id: string; agency_id: string; scopes: string[] }>(
    'SELECT id, agency_id, scopes FROM agency_api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
    [hashKey(key)],
  );
  return rows[0] ? { id: rows[0].id, agencyId: rows[0].agency_id, scopes: rows[0].scopes } : null;
}

export async function listAgencyKeys(db: Queryable): Promise<AgencyKeyInfo[]> {
  const { rows } = await db.query<{
    id: string;
    agency_id: string;
    scopes: string[];
    label: string;
    created_at: Date | string;
    last_used_at: Date | string | null;
    revoked_at: Date | string | null;
  }>(
    'SELECT id, agency_id, scopes, label, created_at, last_used_at, revoked_at FROM agency_api_keys ORDER BY created_at, id',
  );
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    scopes: r.scopes,
    label: r.label,
    createdAt: iso(r.created_at),
    lastUsedAt: isoOrNull(r.last_used_at),
    revokedAt: isoOrNull(r.revoked_at),
  }));
}

/** Revokes the key at once; false if there is no such key or it was revoked already. */
export async function revokeAgencyKey(db: Queryable, id: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const { rows } = await db.query(
    'UPDATE agency_api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id],
  );
  return rows.length > 0;
}
