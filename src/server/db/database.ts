import { mkdirSync } from 'node:fs';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** A transaction's connection: queries, and several statements without parameters (migrations). */
export interface Transaction extends Queryable {
  exec(sql: string): Promise<void>;
}

/** PostgreSQL, embedded (PGlite) or a server (pg): the same SQL runs on both. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction: all of its writes land, or none. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Calls fn with the payload of each NOTIFY on the channel once its transaction commits (from any
   * process, on PostgreSQL). After a lost connection is made again, fn gets '*': something may have
   * been missed. Returns a function that stops listening.
   */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Folder for the embedded database; omitted means in memory (tests). */
  dataDir?: string;
  /** PostgreSQL: connections in the pool (10). */
  poolSize?: number;
  /** PostgreSQL: a statement running longer is cancelled (30 s). */
  statementTimeoutMs?: number;
  /** PostgreSQL: a request waiting longer for a free connection gets DatabaseBusyError (5 s). */
  connectTimeoutMs?: number;
  /** The embedded database: work waiting for its one connection beyond this many gets DatabaseBusyError (100). */
  queueLimit?: number;
}

/** The database cannot take more work now: the API answers 503 with Retry-After rather than wait. */
export class DatabaseBusyError extends Error {
  constructor(readonly retryAfterSeconds = 1) {
    super('The database is busy');
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

async function openPglite({ dataDir, queueLimit = 100 }: DatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  // PGlite is one connection: serialise transactions so two requests never interleave inside one. The
  // queue is bounded: past queueLimit waiting, work is refused at once (503) instead of piling up until
  // every request times out together.
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  const serialise = <T>(fn: () => Promise<T>): Promise<T> => {
    if (waiting >= queueLimit) return Promise.reject(new DatabaseBusyError());
    waiting++;
    const start = () => {
      waiting--;
      return fn();
    };
    const run = queue.then(start, start);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    kind: 'pglite',
    query: <T>(sql: string, params?: unknown[]) =>
      serialise(async () => ({ rows: (await pg.query<T>(sql, params)).rows })),
    exec: (sql) => serialise(async () => void (await pg.exec(sql))),
    transaction: (fn) =>
      serialise(() =>
        pg.transaction((tx) =>
          fn({
            query: async (sql, params) => ({ rows: (await tx.query(sql, params)).rows as never[] }),
            exec: async (sql) => void (await tx.exec(sql)),
          }),
        ),
      ),
    listen: async (channel, fn) => {
      const unlisten = await serialise(() => pg.listen(channel, fn));
      return () => serialise(() => unlisten());
    },
    close: () => pg.close(),
  };
}

const CHANNEL = /^[a-z_]+$/;

async function openPostgres(
  url: string,
  { poolSize = 10, statementTimeoutMs = 30_000, connectTimeoutMs = 5_000 }: DatabaseOptions,
): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    statement_timeout: statementTimeoutMs,
    connectionTimeoutMillis: connectTimeoutMs,
  });
  await pool.query('SELECT 1');
  const listeners = new Set<() => Promise<void>>();
  // Every connection of the pool busy for connectTimeoutMs: say so (503) rather than a 500.
  const busy = (error: unknown): never => {
    if (error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message))
      throw new DatabaseBusyError();
    throw error;
  };
  return {
    kind: 'postgres',
    query: async (sql, params) => ({ rows: (await pool.query(sql, params as unknown[]).catch(busy)).rows }),
    exec: async (sql) => void (await pool.query(sql).catch(busy)),
    transaction: async (fn) => {
      const client = await pool.connect().catch(busy);
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (sql, params) => ({ rows: (await client.query(sql, params as unknown[])).rows }),
          // Without parameters pg uses the simple protocol, which takes several statements.
          exec: async (sql) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    // A connection of its own, outside the pool: LISTEN holds it for as long as the process listens.
    listen: async (channel, fn) => {
      if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
      let client: InstanceType<typeof pg.Client> | undefined;
      let stopped = false;
      const connect = async () => {
        const c = new pg.Client({ connectionString: url });
        c.on('notification', (m) => m.channel === channel && fn(m.payload ?? ''));
        c.on('error', () => undefined); // 'end' follows and connects again
        c.on('end', () => {
          if (!stopped && client === c) setTimeout(again, 1000);
        });
        await c.connect();
        await c.query(`LISTEN ${channel}`);
        client = c;
      };
      const again = () => {
        if (stopped) return;
        connect().then(
          () => fn('*'),
          () => setTimeout(again, 1000),
        );
      };
      await connect();
      const stop = async () => {
        stopped = true;
        listeners.delete(stop);
        await client?.end().catch(() => undefined);
      };
      listeners.add(stop);
      return stop;
    },
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}
