import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import webpush from 'web-push';
import { createApp } from '../../src/server/app';
import { loadAuthConfig } from '../../src/server/config';
import { type Database, openDatabase } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { createLogger } from '../../src/server/log';
import { seed } from '../../src/server/seed';

export interface AppServer {
  /** http://localhost:<port>: the session cookie belongs to PUBLIC_URL's host. */
  url: string;
  db: Database;
  close(): Promise<void>;
}

/**
 * The built app and the API in this process, on a fresh embedded database the test can also query and
 * write (agency keys, server state). The development identity provider is mounted as in main.ts.
 */
export async function startAppServer(): Promise<AppServer> {
  const db = await openDatabase({});
  await migrate(db);
  await seed(db);
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  const app = createApp({
    db,
    log: createLogger('warn'),
    staticDir: resolve('dist'),
    auth: loadAuthConfig({ PUBLIC_URL: url, AUTH_RATE_LIMIT: '10000' }, port),
    vapid: { ...webpush.generateVAPIDKeys(), subject: 'mailto:test@minuriik.example' },
    // The stubbed pushManager of tests/e2e/push.test.ts subscribes at this push service.
    pushOrigins: ['https://push.example'],
  });
  const hono = getRequestListener(app.fetch);
  server.on('request', (req, res) => (app.devIdp?.owns(req.url) ? app.devIdp.handle(req, res) : hono(req, res)));
  return {
    url,
    db,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await db.close();
    },
  };
}
