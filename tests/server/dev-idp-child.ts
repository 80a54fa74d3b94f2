/**
 * Run by dev-idp-module.test.ts in a process of its own: the app with the sign-in settings of the
 * environment, served on a port; prints whether it mounted the development provider and what
 * /api/health and the provider's discovery answered.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import webpush from 'web-push';
import { createApp } from '../../src/server/app';
import { withDevIdp } from '../../src/server/auth/node';
import { loadAuthConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { createLogger } from '../../src/server/log';

const db = await openDatabase({});
await migrate(db);
const app = createApp({
  db,
  log: createLogger('silent'),
  auth: loadAuthConfig(process.env),
  vapid: { ...webpush.generateVAPIDKeys(), subject: 'mailto:test@minuriik.example' },
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', createServer: withDevIdp(app) });
await new Promise((done) => server.once('listening', done));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const health = (await fetch(`${base}/api/health`)).status;
const discovery = app.devIdp ? (await fetch(`${base}/auth/idp/.well-known/openid-configuration`)).status : null;
process.stdout.write(JSON.stringify({ devIdp: Boolean(app.devIdp), health, discovery }));
server.close();
await db.close();
