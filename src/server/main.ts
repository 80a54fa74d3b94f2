import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadDevIdpKeys } from './auth/dev-idp-store';
import { withDevIdp } from './auth/node';
import { ConfigError, loadConfig } from './config';
import { startJobs } from './jobs';
import { createLogger } from './log';
import { loadVapidKeys } from './push/vapid';
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

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(async () => {
      await jobs?.stop();
      await db.close();
      process.exit(0);
    });
  });
}
