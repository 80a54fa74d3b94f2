import { resolve } from 'node:path';
import { type AuthConfig, loadAuthConfig } from './auth/config';
import type { VapidConfig } from './push/vapid';

/** Every setting the server reads from the environment, with its default (see README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  staticDir: string;
  logLevel: string;
  /** Sign-in: PUBLIC_URL, OIDC_*, SESSION_*, AUTH_RATE_*, TRUST_PROXY, DEV_IDP_IN_PRODUCTION. */
  auth: AuthConfig;
  /** Web Push: VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY (else made once and kept in the database), VAPID_SUBJECT. */
  vapid: VapidConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    staticDir: resolve(env.STATIC_DIR ?? 'dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    auth: loadAuthConfig(env, port),
    vapid: {
      publicKey: env.VAPID_PUBLIC_KEY || undefined,
      privateKey: env.VAPID_PRIVATE_KEY || undefined,
      subject: env.VAPID_SUBJECT || undefined,
    },
  };
}
