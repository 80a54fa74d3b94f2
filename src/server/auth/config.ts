import { randomBytes } from 'node:crypto';

/** TARA's levels of assurance, weakest first: a sign-in must reach at least the requested one. */
export const ACR_LEVELS = ['low', 'substantial', 'high'] as const;
export type Acr = (typeof ACR_LEVELS)[number];

/** Where the embedded development identity provider lives, under PUBLIC_URL. */
export const DEV_IDP_PATH = '/auth/idp';

export interface AuthConfig {
  /** The app's own origin and base, e.g. https://minuriik.example.ee (no trailing slash). */
  publicUrl: string;
  /** The OpenID Connect provider; for the embedded development provider, PUBLIC_URL + /auth/idp. */
  issuer: string;
  /** True when OIDC_ISSUER is not set: this server runs the development provider itself. */
  devIdp: boolean;
  /** NODE_ENV=production with the development provider needs DEV_IDP_IN_PRODUCTION=true. */
  devIdpAllowed: boolean;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scope: string;
  /** The level of assurance asked for and required. */
  acr: Acr;
  idleTimeoutSeconds: number;
  absoluteLifetimeSeconds: number;
  /** Cookies get `Secure` everywhere but on a loopback http:// address. */
  secureCookies: boolean;
  rateLimit: { max: number; windowSeconds: number };
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${raw}`);
  return value;
}

const truthy = (value: string | undefined) => value === '1' || value === 'true' || value === 'yes';

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}

// One per process: the embedded provider and the app share it, nothing else ever sees it.
const devSecret = randomBytes(32).toString('base64url');

/** Reads sign-in settings from the environment (see README "Configuration"). */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env, port = Number(env.PORT ?? 8080)): AuthConfig {
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  const url = new URL(publicUrl);
  const issuer = env.OIDC_ISSUER?.replace(/\/+$/, '');
  const devIdp = !issuer;
  if (!devIdp && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) {
    throw new Error('OIDC_ISSUER is set: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too');
  }
  const acr = (env.OIDC_ACR ?? 'high') as Acr;
  if (!ACR_LEVELS.includes(acr)) throw new Error(`OIDC_ACR must be one of ${ACR_LEVELS.join(', ')}`);
  return {
    publicUrl,
    issuer: issuer ?? `${publicUrl}${DEV_IDP_PATH}`,
    devIdp,
    devIdpAllowed: env.NODE_ENV !== 'production' || truthy(env.DEV_IDP_IN_PRODUCTION),
    clientId: env.OIDC_CLIENT_ID || 'minu-riik',
    clientSecret: env.OIDC_CLIENT_SECRET || devSecret,
    redirectUri: env.OIDC_REDIRECT_URI || `${publicUrl}/auth/callback`,
    postLogoutRedirectUri: `${publicUrl}/`,
    scope: env.OIDC_SCOPE || 'openid',
    acr,
    idleTimeoutSeconds: Math.round(positive(env, 'SESSION_IDLE_MINUTES', 30) * 60),
    absoluteLifetimeSeconds: Math.round(positive(env, 'SESSION_MAX_HOURS', 12) * 3600),
    secureCookies: url.protocol === 'https:' || !isLoopback(url.hostname),
    rateLimit: {
      max: Math.round(positive(env, 'AUTH_RATE_LIMIT', 60)),
      windowSeconds: Math.round(positive(env, 'AUTH_RATE_WINDOW_SECONDS', 60)),
    },
    trustProxy: truthy(env.TRUST_PROXY),
  };
}
