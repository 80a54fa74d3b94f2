import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queryable } from '../db/database';
import type { Logger } from '../log';
import type { AuthConfig } from './config';
import type { DevIdpKeys } from './dev-idp-store';

/** What the development provider's mount (dev-idp-mount.ts) and the provider itself (dev-idp.ts) share. */

/** The development provider as the server mounts it. */
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
