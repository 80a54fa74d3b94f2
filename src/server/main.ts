import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { withDevIdp } from './auth/node';
import { loadConfig } from './config';
import { notifyDueFeedbackRequests } from './feedback/requests';
import { createLogger } from './log';
import { settleDueOffers } from './offers/decisions';
import { createPushSender } from './push/sender';
import { loadVapidKeys } from './push/vapid';
import { createShutdown, shutdownGraceMs } from './shutdown';
import { prepareDatabase } from './start';

const config = loadConfig();
const log = createLogger(config.logLevel);
const db = await prepareDatabase(config, log);
const vapid = await loadVapidKeys(db, config.vapid);
const app = createApp({ db, log, staticDir: config.staticDir, auth: config.auth, vapid });

// Background work, safe with several API processes: leases and SKIP LOCKED share it out.
const pushSender = createPushSender({ db, vapid, log });
pushSender.start();
const feedbackTimer = setInterval(() => {
  notifyDueFeedbackRequests(db).catch((err) => log.error({ err }, 'feedback notifications failed'));
}, 60_000);
// Offers past their deadline: automatic ones are granted, consent ones lapse.
const offersTimer = setInterval(() => {
  settleDueOffers(db).catch((err) => log.error({ err }, 'settling offers failed'));
}, 3_600_000);

const server = serve(
  // The embedded development identity provider, when there is one, answers under /auth/idp.
  { fetch: app.fetch, port: config.port, hostname: config.host, createServer: withDevIdp(app) },
  (info) => {
    log.info({ port: info.port, database: db.kind }, `Minu riik listening on http://localhost:${info.port}`);
  },
);

const shutdown = createShutdown({
  server: server as Server,
  graceMs: shutdownGraceMs(),
  stopWorkers: async () => {
    clearInterval(feedbackTimer);
    clearInterval(offersTimer);
    await pushSender.stop();
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
