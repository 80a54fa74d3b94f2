import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { isValidPersonalCode, parsePersonalCode } from '../../contract/isikukood';
import type { Lang } from '../../contract/langs';
import { isStorableText } from '../../contract/text';
import { BASELINE_HEADERS } from '../security-headers';
import { demoPeople } from '../seed/people';
import { assertDevIdpAllowed, type DevIdpMount, type DevIdpOptions, devIdpMountPath, ownsPath } from './dev-idp-base';
import { escapeHtml, loginPage, page, pickLang, text } from './dev-idp-page';
import { databaseAdapter, newDevIdpKeys } from './dev-idp-store';

/** The embedded development identity provider: a real OpenID Connect provider, mounted on this server. */
export interface DevIdp extends DevIdpMount {
  provider: Provider;
}

const MAX_FORM_BYTES = 16 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  });
  res.end(html);
}

/**
 * Creates the development provider at config.issuer (PUBLIC_URL/auth/idp): discovery, JWKS, authorization,
 * token, end-session and back-channel logout, with a sign-in page in four languages that lists the demo
 * people and accepts any valid personal code. Its state (sessions, codes, refresh tokens) lives in the
 * database, and so do its keys when `keys` come from loadDevIdpKeys(), so restarts and other processes
 * keep sign-ins working; without `keys` (tests) they are made for this process.
 */
export function createDevIdp({ config, db, log, keys = newDevIdpKeys() }: DevIdpOptions): DevIdp {
  assertDevIdpAllowed(config);
  const mountPath = devIdpMountPath(config);
  // Names typed in for codes that are not in the persons table (any valid code may sign in).
  const typedNames = new Map<string, { givenName: string; familyName: string }>();

  async function namesOf(personalCode: string) {
    const { rows } = await db.query<{ given_name: string; family_name: string; birth_date: string | null }>(
      `SELECT given_name, family_name, facts->>'birthDate' AS birth_date FROM persons WHERE personal_code = $1`,
      [personalCode],
    );
    const birthDate = rows[0]?.birth_date || parsePersonalCode(personalCode)?.birthDate;
    if (rows[0]?.given_name) return { givenName: rows[0].given_name, familyName: rows[0].family_name, birthDate };
    return {
      ...(typedNames.get(personalCode) ?? { givenName: 'Test', familyName: `Isik ${personalCode.slice(-4)}` }),
      birthDate,
    };
  }

  const provider = new Provider(config.issuer, {
    adapter: databaseAdapter(db),
    clients: [
      {
        client_id: config.clientId,
        client_secret: config.clientSecret,
        client_name: 'Minu riik',
        redirect_uris: [config.redirectUri],
        post_logout_redirect_uris: [config.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code', 'refresh_token'],
        token_endpoint_auth_method: 'client_secret_basic',
        backchannel_logout_uri: `${config.publicUrl}/auth/backchannel-logout`,
        backchannel_logout_session_required: true,
      },
    ],
    jwks: { keys: [keys.signingKey as never] },
    cookies: { keys: [keys.cookieKey] },
    // As GovSSO: the person's names and birth date in the ID token with the `openid` scope alone.
    claims: { openid: ['sub', 'given_name', 'family_name', 'birthdate'] },
    conformIdTokenClaims: false,
    acrValues: ['low', 'substantial', 'high'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          const lang = pickLang(ctx.oidc.params?.ui_locales as string | undefined);
          ctx.type = 'html';
          ctx.body = page(
            lang,
            text(lang, 'logout_title'),
            `<h1>${escapeHtml(text(lang, 'logout_title'))}</h1>${form}
<p>${escapeHtml(text(lang, 'logout_text'))}</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes">${escapeHtml(text(lang, 'logout_button'))}</button>
<script>(function(){var f=document.getElementById('op.logoutForm');var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();})();</script>`,
          );
        },
      },
    },
    // GovSSO-like: short ID tokens, refreshed with a refresh token while the session lasts.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: 15 * 60,
      AuthorizationCode: 60,
      IdToken: 15 * 60,
      Interaction: 10 * 60,
      Session: config.absoluteLifetimeSeconds,
      Grant: config.absoluteLifetimeSeconds,
      RefreshToken: config.absoluteLifetimeSeconds,
    },
    // It only ever calls this app (back-channel logout), which is on a loopback or private address in
    // development: without this, its SSRF guard would refuse to.
    fetch: (url, options) => {
      const { dispatcher: _, ...rest } = options as RequestInit & { dispatcher?: unknown };
      return globalThis.fetch(url, rest);
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const code = /^EE(\d{11})$/.exec(sub)?.[1];
      if (!code) return undefined;
      const names = await namesOf(code);
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          given_name: names.givenName,
          family_name: names.familyName,
          birthdate: names.birthDate,
        }),
      };
    },
    // A first-party client: no consent screen.
    loadExistingGrant: async (ctx) => {
      const oidc = ctx.oidc;
      const grantId = oidc.result?.consent?.grantId || oidc.session!.grantIdFor(oidc.client!.clientId);
      const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId! });
      grant.addOIDCScope(String(oidc.params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
    renderError: async (ctx, out) => {
      const lang = pickLang(ctx.oidc?.params?.ui_locales as string | undefined);
      log.info({ error: out.error, description: out.error_description }, 'dev identity provider error');
      ctx.type = 'html';
      ctx.body = page(
        lang,
        text(lang, 'error_title'),
        `<h1>${escapeHtml(text(lang, 'error_title'))}</h1><p>${escapeHtml(text(lang, 'error_text'))}</p>
<p><code>${escapeHtml(String(out.error))}</code></p><p><a href="${escapeHtml(config.publicUrl)}/">${escapeHtml(text(lang, 'back'))}</a></p>`,
      );
    },
  });
  provider.proxy = config.trustProxy;
  provider.on('server_error', (_ctx, error) => log.error({ err: error }, 'dev identity provider failed'));
  provider.on('backchannel.error', (_ctx, error) =>
    log.warn({ err: error }, 'dev identity provider: back-channel logout failed'),
  );

  const callback = provider.callback();
  const interactionPath = new RegExp(`^${mountPath}/interaction/([\\w-]+)$`);

  async function interaction(req: IncomingMessage, res: ServerResponse, url: URL) {
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      const lang = pickLang(url.searchParams.get('lang') ?? undefined);
      send(
        res,
        400,
        page(
          lang,
          text(lang, 'error_title'),
          `<h1>${escapeHtml(text(lang, 'error_title'))}</h1><p>${escapeHtml(text(lang, 'error_text'))}</p>
<p><a href="${escapeHtml(config.publicUrl)}/">${escapeHtml(text(lang, 'back'))}</a></p>`,
        ),
      );
      return;
    }
    const requested = details.params.ui_locales as string | undefined;
    const render = (lang: Lang, status = 200, error = false, code = '') =>
      send(
        res,
        status,
        loginPage({
          lang,
          action: url.pathname,
          languageHref: (l) => `${url.pathname}?lang=${l}`,
          people: demoPeople,
          error,
          code,
        }),
      );

    if (req.method === 'GET') return render(pickLang(url.searchParams.get('lang') ?? undefined, requested));
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'GET, POST' }).end();
      return;
    }
    const form = await readForm(req).catch(() => null);
    if (!form) {
      res.writeHead(413, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Connection: 'close' });
      res.end(
        JSON.stringify({
          error: { code: 'body_too_large', message: `The form may be at most ${MAX_FORM_BYTES} bytes` },
        }),
      );
      return;
    }
    const lang = pickLang(form.get('lang') ?? undefined, requested);
    if (form.get('cancel')) {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The person cancelled the sign-in.' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const code = (form.get('personal_code') ?? '').replace(/\s/g, '');
    if (!isValidPersonalCode(code)) return render(lang, 422, true, code);
    const givenName = form.get('given_name')?.trim();
    const familyName = form.get('family_name')?.trim();
    // A name PostgreSQL cannot store (a NUL) or too long for one: the form again, not a failed callback.
    if ([givenName, familyName].some((name) => name !== undefined && (!isStorableText(name) || name.length > 100))) {
      return render(lang, 422, true, code);
    }
    if (givenName || familyName) {
      typedNames.set(code, { givenName: givenName || 'Test', familyName: familyName || `Isik ${code.slice(-4)}` });
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: `EE${code}`, acr: 'high', amr: ['mID'] } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    provider,
    owns: ownsPath(config),
    handle(req, res) {
      // The app's baseline headers, and no CORS: oidc-provider would echo any Origin on discovery and
      // JWKS, and nothing but the app's own server (no browser of another site) needs to read them.
      for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
      const setHeader = res.setHeader.bind(res);
      res.setHeader = (name, value) => (/^access-control-/i.test(name) ? res : setHeader(name, value));
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (interactionPath.test(url.pathname)) {
        interaction(req, res, url).catch((error: unknown) => {
          log.error({ err: error }, 'dev identity provider sign-in page failed');
          if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'internal', message: 'Sign-in failed' } }));
        });
        return;
      }
      // oidc-provider finds its mount path from originalUrl, as under Express.
      const request = req as IncomingMessage & { originalUrl?: string };
      request.originalUrl = req.url;
      req.url = (req.url ?? '/').slice(mountPath.length) || '/';
      void callback(req, res);
    },
  };
}
