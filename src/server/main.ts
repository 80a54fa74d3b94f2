import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadDevIdpKeys } from './auth/dev-idp-store';
import { withDevIdp } from './auth/node';
import { ConfigError, loadConfig } from './config';
import { startJobs } from './jobs';
import { createLogger } from './log';
import { loadVapidKeys } from './push/vapid';
import { createShutdown, shutdownGraceMs } from './shutdown';
import { prepareDatabase } from './start';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const log = createLogger(config.logLevel);
const db = await prepareDatabase(config, log);
const vapid = await loadVapidKeys(db, config.vapid);
// The development provider's keys and the app's secret at it are shared by every process and restart.
const devIdpKeys = config.auth.devIdp ? await loadDevIdpKeys(db) : undefined;
const auth = devIdpKeys ? { ...config.auth, clientSecret: devIdpKeys.clientSecret, devIdpKeys } : config.auth;
// Background work (jobs/), safe with several API processes: leases and SKIP LOCKED share it out.
const jobs = config.jobs ? startJobs({ db, vapid, log }) : undefined;
const app = createApp({
  db,
  log,
  staticDir: config.staticDir,
  auth,
  vapid,
  jobs,
  requestTimeoutMs: config.requestTimeoutMs,
  inFlight: config.inFlight,
});

const server = serve(
  // The embedded development identity provider, when there is one, answers under /auth/idp.
  { fetch: app.fetch, port: config.port, hostname: config.host, createServer: withDevIdp(app) },
  (info) => {
    log.info(
      { port: info.port, database: db.kind, demo: config.demo, jobs: config.jobs },
      `Minu riik listening on http://localhost:${info.port}`,
    );
  },
);

const shutdown = createShutdown({
  server: server as Server,
  graceMs: shutdownGraceMs(),
  stopWorkers: async () => {
    await jobs?.stop();
  },
  closeDatabase: () => db.close(),
  log,
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    shutdown().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
