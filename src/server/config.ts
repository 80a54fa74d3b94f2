import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ACR_LEVELS, type AuthConfig, DEV_IDP_PATH, isLoopback } from './auth/config';
import type { InFlightLimit } from './in-flight';
import type { VapidConfig } from './push/vapid';

/** Every setting the server reads from the environment, with its default (see README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  /** DEMO: the demo people and the development provider; without it, neither. */
  demo: boolean;
  database: DatabaseConfig;
  /** A request that has not been answered after this long gets 503. */
  requestTimeoutMs: number;
  /** Load shedding (in-flight.ts): on by default on the embedded database, off on PostgreSQL unless set. */
  inFlight: InFlightLimit | undefined;
  staticDir: string;
  logLevel: string;
  /** JOBS=false: this process serves requests only and runs no background jobs. */
  jobs: boolean;
  /** Sign-in: PUBLIC_URL, OIDC_*, SESSION_*, AUTH_RATE_*, TRUST_PROXY. */
  auth: AuthConfig;
  /** Web Push: VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY (else made once and kept in the database), VAPID_SUBJECT. */
  vapid: VapidConfig;
}

export interface DatabaseConfig {
  url: string | undefined;
  /** Folder of the embedded database (PGlite). */
  dataDir: string;
  poolSize: number;
  statementTimeoutMs: number;
  /** The embedded database: requests waiting for its one connection beyond this many get 503. */
  queueLimit: number;
}

/** One error for the whole configuration: every problem on its own line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const flag = z
  .enum(['1', 'true', 'yes', '0', 'false', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');
const positive = z.coerce.number().positive();
const count = z.coerce.number().int().positive();
const httpUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  NODE_ENV: z.string().optional(),
  DEMO: flag.optional(),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: count.default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: count.default(30_000),
  DATABASE_QUEUE_LIMIT: count.default(100),
  REQUEST_TIMEOUT_MS: count.default(30_000),
  MAX_REQUESTS_IN_FLIGHT: count.optional(),
  MAX_REQUESTS_WAITING: z.coerce.number().int().min(0).default(64),
  MAX_REQUEST_WAIT_MS: count.default(500),
  STATIC_DIR: z.string().default('dist'),
  LOG_LEVEL: z.enum(['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  JOBS: flag.default(true),
  PUBLIC_URL: httpUrl.optional(),
  OIDC_ISSUER: httpUrl.optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  OIDC_REDIRECT_URI: httpUrl.optional(),
  OIDC_SCOPE: z.string().default('openid'),
  OIDC_ACR: z.enum(ACR_LEVELS).default('high'),
  SESSION_IDLE_MINUTES: positive.default(30),
  SESSION_MAX_HOURS: positive.default(12),
  AUTH_RATE_LIMIT: count.default(60),
  AUTH_RATE_WINDOW_SECONDS: count.default(60),
  TRUST_PROXY: flag.default(false),
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:)/, 'a mailto: or https: address')
    .optional(),
});

// One per process: the embedded provider and the app share it, nothing else ever sees it.
const devSecret = randomBytes(32).toString('base64url');

/**
 * Reads and checks the whole configuration; throws one ConfigError listing every problem. DEMO is on by
 * default only on a loopback (or unset) PUBLIC_URL outside NODE_ENV=production; off, the real provider
 * (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET) is required and the development one never runs.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable is an unset one.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join('.')}: ${i.message} (is ${JSON.stringify(given[String(i.path[0])])})`,
      ),
    );
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const url = new URL(publicUrl);
  const demo = e.DEMO ?? (isLoopback(url.hostname) && e.NODE_ENV !== 'production');
  const devIdp = !e.OIDC_ISSUER;

  const problems: string[] = [];
  if (!demo && devIdp)
    problems.push('OIDC_ISSUER: required with DEMO=false (the development provider runs only in the demo)');
  if (!devIdp && !e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required with OIDC_ISSUER');
  if (!devIdp && !e.OIDC_CLIENT_SECRET) problems.push('OIDC_CLIENT_SECRET: required with OIDC_ISSUER');
  if (Boolean(e.VAPID_PUBLIC_KEY) !== Boolean(e.VAPID_PRIVATE_KEY))
    problems.push('VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither');
  if (!demo && url.protocol !== 'https:') problems.push('PUBLIC_URL: an https:// address with DEMO=false');
  if (!demo && !e.DATABASE_URL)
    problems.push('DATABASE_URL: required with DEMO=false (the embedded database is for the demo and tests)');
  if (problems.length) throw new ConfigError(problems);

  const auth: AuthConfig = {
    publicUrl,
    issuer: e.OIDC_ISSUER ?? `${publicUrl}${DEV_IDP_PATH}`,
    devIdp,
    devIdpAllowed: demo,
    clientId: e.OIDC_CLIENT_ID ?? 'minu-riik',
    clientSecret: e.OIDC_CLIENT_SECRET ?? devSecret,
    redirectUri: e.OIDC_REDIRECT_URI ?? `${publicUrl}/auth/callback`,
    postLogoutRedirectUri: `${publicUrl}/`,
    scope: e.OIDC_SCOPE,
    acr: e.OIDC_ACR,
    idleTimeoutSeconds: Math.round(e.SESSION_IDLE_MINUTES * 60),
    absoluteLifetimeSeconds: Math.round(e.SESSION_MAX_HOURS * 3600),
    secureCookies: url.protocol === 'https:' || !isLoopback(url.hostname),
    rateLimit: { max: e.AUTH_RATE_LIMIT, windowSeconds: e.AUTH_RATE_WINDOW_SECONDS },
    trustProxy: e.TRUST_PROXY,
  };
  return {
    port: e.PORT,
    host: e.HOST,
    demo,
    database: {
      url: e.DATABASE_URL,
      dataDir: resolve(e.DATA_DIR),
      poolSize: e.DATABASE_POOL_SIZE,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      queueLimit: e.DATABASE_QUEUE_LIMIT,
    },
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    inFlight:
      e.MAX_REQUESTS_IN_FLIGHT || !e.DATABASE_URL
        ? { max: e.MAX_REQUESTS_IN_FLIGHT ?? 16, waiting: e.MAX_REQUESTS_WAITING, waitMs: e.MAX_REQUEST_WAIT_MS }
        : undefined,
    staticDir: resolve(e.STATIC_DIR),
    logLevel: e.LOG_LEVEL,
    jobs: e.JOBS,
    auth,
    vapid: { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT },
  };
}

/** The sign-in part of loadConfig (tests and tools that need only that). */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env, port?: number): AuthConfig {
  return loadConfig(port === undefined ? env : { ...env, PORT: String(port) }).auth;
}

/** Only the database settings: for `npm run migrate` and tools, which need no sign-in settings. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return loadConfig({ ...env, DEMO: 'true', OIDC_ISSUER: undefined, PUBLIC_URL: undefined }).database;
}
