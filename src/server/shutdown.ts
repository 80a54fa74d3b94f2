import type { Server } from 'node:http';
import type { Logger } from './log';

export interface ShutdownOptions {
  server: Pick<Server, 'close' | 'closeIdleConnections' | 'closeAllConnections'>;
  /** How long in-flight requests may take to finish before their connections are cut. */
  graceMs: number;
  /** Stops the background workers, each after its current item (resolves when they have stopped). */
  stopWorkers: () => Promise<void> | void;
  closeDatabase: () => Promise<void>;
  log: Logger;
}

/** SHUTDOWN_GRACE_MS, default 10 s (below the usual 30 s a process manager waits after SIGTERM). */
export const shutdownGraceMs = (env: NodeJS.ProcessEnv = process.env) => {
  const ms = Number(env.SHUTDOWN_GRACE_MS ?? 10_000);
  return Number.isFinite(ms) && ms >= 0 ? ms : 10_000;
};

/**
 * One graceful stop, for SIGTERM and SIGINT: stop accepting connections, let the requests in flight
 * finish (up to the grace period, then cut what is left), stop the background workers after their
 * current item, close the database. Calling it again returns the same stop.
 */
export function createShutdown({ server, graceMs, stopWorkers, closeDatabase, log }: ShutdownOptions) {
  let stopping: Promise<void> | undefined;
  return function shutdown(): Promise<void> {
    stopping ??= (async () => {
      log.info({ graceMs }, 'shutting down: finishing the requests in flight');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections close now; the busy ones once their response is out (Node closes a
      // closing server's connections after their response). Sweeping idle ones again while responses
      // stream would cut some mid-body: a compressed response can look idle to Node.
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), graceMs);
      });
      if (await Promise.race([closed.then(() => false), timedOut])) {
        log.warn('shutdown grace period over: closing the connections still open');
        server.closeAllConnections();
        await closed;
      }
      clearTimeout(timer);
      await stopWorkers();
      await closeDatabase();
      log.info('shut down');
    })();
    return stopping;
  };
}
