import type { DevIdpKeys } from './dev-idp-store';

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
  /** DEMO: only then may the development provider run. */
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
  /** The development provider's keys from the database (main.ts); without them, made per process. */
  devIdpKeys?: DevIdpKeys;
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}
