import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig } from './config';
import { createLogger } from './log';
import { prepareDatabase } from './start';

const config = loadConfig();
const log = createLogger(config.logLevel);
const db = await prepareDatabase(config, log);
const app = createApp({ db, log, staticDir: config.staticDir });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log.info({ port: info.port, database: db.kind }, `Minu riik listening on http://localhost:${info.port}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(async () => {
      await db.close();
      process.exit(0);
    });
  });
}
