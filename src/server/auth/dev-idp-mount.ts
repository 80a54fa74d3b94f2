import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queryable } from '../db/database';
import type { Logger } from '../log';
import type { AuthConfig } from './config';
import type { DevIdpKeys } from './dev-idp-store';

/**
 * The development provider as the server mounts it. Its module, and oidc-provider with it (which asks
 * for Node 22), is loaded only when there is one: with DEMO off it is never imported.
 */
export interface DevIdpMount {
  /** True for requests the provider answers (its path prefix). */
  owns(url: string | undefined): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export interface DevIdpOptions {
  config: AuthConfig;
  db: Queryable;
  log: Logger;
  keys?: DevIdpKeys;
}

export function assertDevIdpAllowed(config: AuthConfig): void {
  if (!config.devIdpAllowed) {
    throw new Error(
      'The development identity provider runs only with DEMO=true: set OIDC_ISSUER, OIDC_CLIENT_ID and ' +
        'OIDC_CLIENT_SECRET for the real one (TARA or GovSSO).',
    );
  }
}

/** The provider's path prefix: PUBLIC_URL's path + /auth/idp. */
export const devIdpMountPath = (config: AuthConfig) => new URL(config.issuer).pathname.replace(/\/$/, '');

/** Whether a request URL is under the provider's path prefix. */
export function ownsPath(config: AuthConfig): DevIdpMount['owns'] {
  const mountPath = devIdpMountPath(config);
  return (url) => url !== undefined && (url === mountPath || url.startsWith(`${mountPath}/`));
}

/** Mounts the development provider: refused without DEMO at once; the module loads in the background. */
export function mountDevIdp(options: DevIdpOptions): DevIdpMount {
  assertDevIdpAllowed(options.config);
  const made = import('./dev-idp').then((m) => m.createDevIdp(options));
  made.catch((error: unknown) => options.log.error({ err: error }, 'dev identity provider failed to start'));
  return {
    owns: ownsPath(options.config),
    handle(req, res) {
      made.then(
        (idp) => idp.handle(req, res),
        () => {
          res.writeHead(503, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'unavailable', message: 'Sign-in is not available' } }));
        },
      );
    },
  };
}
