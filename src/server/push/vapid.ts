import webpush from 'web-push';
import type { Queryable } from '../db/database';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export interface VapidConfig {
  publicKey?: string;
  privateKey?: string;
  subject?: string;
}

/**
 * The VAPID key pair: from the environment when given, else the one kept in the database, else a new
 * one made now and kept (if two processes race, both end up with the first one stored).
 */
export async function loadVapidKeys(db: Queryable, config: VapidConfig): Promise<VapidKeys> {
  const subject = config.subject ?? 'mailto:abi@minuriik.example';
  if (config.publicKey && config.privateKey)
    return { publicKey: config.publicKey, privateKey: config.privateKey, subject };
  const fresh = webpush.generateVAPIDKeys();
  await db.query(`INSERT INTO server_keys (name, value) VALUES ('vapid', $1) ON CONFLICT (name) DO NOTHING`, [fresh]);
  const { rows } = await db.query<{ value: { publicKey: string; privateKey: string } }>(
    `SELECT value FROM server_keys WHERE name = 'vapid'`,
  );
  return { ...rows[0].value, subject };
}
