import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { DevIdpMount } from './dev-idp-base';

/**
 * A `createServer` for @hono/node-server's serve(): requests under the development provider's path go
 * to oidc-provider (a Koa app on Node's request and response), everything else to Hono.
 */
export function withDevIdp(app: { devIdp?: DevIdpMount }): typeof createServer {
  return ((options: object, listener: RequestListener) =>
    createServer(options, (req: IncomingMessage, res: ServerResponse) => {
      if (app.devIdp?.owns(req.url)) app.devIdp.handle(req, res);
      else listener(req, res);
    })) as typeof createServer;
}
