import { assertDevIdpAllowed, type DevIdpMount, type DevIdpOptions, ownsPath } from './dev-idp-base';

/**
 * The development provider as the server mounts it. Its module, and oidc-provider with it (which asks
 * for Node 22), is loaded only when there is one: with DEMO off it is never imported.
 */
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
