// npm run start:cluster: N API processes (WEB_CONCURRENCY, default one per core) on one port and one
// PostgreSQL (DATABASE_URL). Migrates once first; a process that dies is started again.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from '../src/server/config';
import { migrate } from '../src/server/db/migrate';
import { openConfiguredDatabase } from '../src/server/start';

if (cluster.isPrimary) {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  if (!config.database.url) {
    console.error('start:cluster needs DATABASE_URL: the embedded database belongs to one process.');
    process.exit(1);
  }
  const db = await openConfiguredDatabase(config.database);
  await migrate(db);
  await db.close();
  const count = Number(process.env.WEB_CONCURRENCY) || availableParallelism();
  cluster.setupPrimary({
    exec: new URL('../src/server/main.ts', import.meta.url).pathname,
    execArgv: ['--import', 'tsx'],
  });
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    console.error(`API process ${worker.process.pid} exited (${code}): starting another`);
    cluster.fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
}
