import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { parsePersonalCode } from '../../contract/isikukood';
import type { Logger } from '../log';
import { ACR_LEVELS, type AuthConfig } from './config';

/** A token that failed a check (signature, issuer, audience, times, or what a logout token must hold). */
export class JwtError extends Error {}

/** JWS algorithms accepted from a provider; `none` and HMAC never. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384'];

/** Why a sign-in was refused; the code is shown to the person (translated), the detail only logged. */
export class SignInRefused extends Error {
  constructor(
    readonly code: 'failed' | 'cancelled' | 'invalid_person' | 'insufficient_acr',
    detail: string,
  ) {
    super(detail);
  }
}

export interface VerifiedSignIn {
  personalCode: string;
  givenName?: string;
  familyName?: string;
  sub: string;
  sid?: string;
  acr: string;
  idToken?: string;
  idTokenExpiresAt?: Date;
  refreshToken?: string;
}

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The person a validated ID token names. TARA and GovSSO put `EE` + personal code in `sub`; names come
 * as `given_name`/`family_name` (GovSSO) or inside `profile_attributes` (TARA).
 */
export function identityFromClaims(claims: Record<string, unknown>, requiredAcr: AuthConfig['acr']) {
  const sub = str(claims.sub) ?? '';
  const match = /^EE(\d{11})$/.exec(sub);
  if (!match || !parsePersonalCode(match[1])) {
    throw new SignInRefused('invalid_person', `sub ${sub.slice(0, 4)}… is not EE + a valid personal code`);
  }
  const acr = str(claims.acr) ?? '';
  const level = ACR_LEVELS.indexOf(acr as AuthConfig['acr']);
  if (level < ACR_LEVELS.indexOf(requiredAcr)) {
    throw new SignInRefused('insufficient_acr', `acr ${acr || 'missing'} is below ${requiredAcr}`);
  }
  const profile = (claims.profile_attributes ?? {}) as Record<string, unknown>;
  return {
    sub,
    personalCode: match[1],
    acr,
    sid: str(claims.sid),
    givenName: str(claims.given_name) ?? str(profile.given_name),
    familyName: str(claims.family_name) ?? str(profile.family_name),
  };
}

/** The app as an OpenID Connect relying party (confidential client, client_secret_basic). */
export class RelyingParty {
  private discovered?: Promise<oidc.Configuration>;
  /** The provider's signing keys (jose: fetched again when a token names a key not yet known). */
  private jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly config: AuthConfig,
    private readonly log: Logger,
  ) {}

  private async keys() {
    if (!this.jwks) {
      const uri = (await this.configuration()).serverMetadata().jwks_uri;
      if (!uri) throw new JwtError('the provider publishes no jwks_uri');
      this.jwks = createRemoteJWKSet(new URL(uri));
    }
    return this.jwks;
  }

  /** The provider's metadata, discovered on first use (so the app can start before its provider). */
  configuration(): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(
        new URL(this.config.issuer),
        this.config.clientId,
        { id_token_signed_response_alg: 'RS256' },
        oidc.ClientSecretBasic(this.config.clientSecret),
        {
          execute: [
            oidc.enableNonRepudiationChecks,
            ...(new URL(this.config.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : []),
          ],
          timeout: 10,
        },
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw error;
      });
    return this.discovered;
  }

  async authorizationUrl(input: { state: string; nonce: string; codeVerifier: string; uiLocales: string }) {
    const config = await this.configuration();
    const params: Record<string, string> = {
      redirect_uri: this.config.redirectUri,
      response_type: 'code',
      scope: this.config.scope,
      state: input.state,
      nonce: input.nonce,
      ui_locales: input.uiLocales,
      acr_values: this.config.acr,
    };
    if (config.serverMetadata().supportsPKCE()) {
      params.code_challenge = await oidc.calculatePKCECodeChallenge(input.codeVerifier);
      params.code_challenge_method = 'S256';
    }
    return oidc.buildAuthorizationUrl(config, params).href;
  }

  /** Exchanges the code and validates the ID token: signature (by kid), issuer, audience, expiry, nonce, acr. */
  async finish(
    callbackQuery: string,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<VerifiedSignIn> {
    const params = new URLSearchParams(callbackQuery);
    const error = params.get('error');
    if (error) {
      const cancelled = error === 'access_denied' || error === 'user_cancel' || error === 'login_required';
      throw new SignInRefused(cancelled ? 'cancelled' : 'failed', `provider answered ${error}`);
    }
    const config = await this.configuration();
    const currentUrl = new URL(this.config.redirectUri);
    currentUrl.search = params.toString();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: config.serverMetadata().supportsPKCE() ? checks.codeVerifier : undefined,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new SignInRefused('failed', `token response refused: ${describe(error)}`);
    }
    const claims = tokens.claims() as Record<string, unknown> | undefined;
    if (!claims) throw new SignInRefused('failed', 'no ID token');
    const identity = identityFromClaims(claims, this.config.acr);
    return {
      ...identity,
      idToken: tokens.id_token,
      idTokenExpiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : undefined,
      refreshToken: tokens.refresh_token,
    };
  }

  /** GovSSO-style session update: new tokens for the same person, or an error when the provider's session ended. */
  async refresh(refreshToken: string, expectedSub: string) {
    const config = await this.configuration();
    const tokens = await oidc.refreshTokenGrant(config, refreshToken);
    const claims = tokens.claims() as Record<string, unknown> | undefined;
    if (claims && claims.sub !== expectedSub) throw new Error('refreshed ID token names another person');
    return {
      idToken: tokens.id_token,
      idTokenExpiresAt: typeof claims?.exp === 'number' ? new Date(claims.exp * 1000) : undefined,
      refreshToken: tokens.refresh_token,
    };
  }

  /** Where to send the browser to end the provider's session too, when the provider supports it. */
  async endSessionUrl(idToken: string | null): Promise<string | undefined> {
    try {
      const config = await this.configuration();
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      const params: Record<string, string> = {
        post_logout_redirect_uri: this.config.postLogoutRedirectUri,
        client_id: this.config.clientId,
      };
      if (idToken) params.id_token_hint = idToken;
      return oidc.buildEndSessionUrl(config, params).href;
    } catch (error) {
      this.log.warn({ err: error }, 'no provider logout: discovery failed');
      return undefined;
    }
  }

  /** Validates a back-channel logout token (OpenID Connect Back-Channel Logout 1.0, section 2.6). */
  async verifyLogoutToken(token: string): Promise<{ sid?: string; sub?: string }> {
    let claims: JWTPayload;
    try {
      // Signature by kid, issuer, audience, iat present and at most 10 minutes old, exp if present.
      ({ payload: claims } = await jwtVerify(token, await this.keys(), {
        issuer: (await this.configuration()).serverMetadata().issuer,
        audience: this.config.clientId,
        algorithms: ALGORITHMS,
        requiredClaims: ['iat'],
        maxTokenAge: 600,
        clockTolerance: 60,
      }));
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) throw new JwtError(error.message);
      throw error;
    }
    const events = claims.events as Record<string, unknown> | undefined;
    if (!events || typeof events[BACKCHANNEL_EVENT] !== 'object') throw new JwtError('not a logout token');
    if ('nonce' in claims) throw new JwtError('a logout token has no nonce');
    const sid = str(claims.sid);
    const sub = str(claims.sub);
    if (!sid && !sub) throw new JwtError('neither sid nor sub');
    return { sid, sub };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
