import { mkdirSync } from 'node:fs';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** PostgreSQL, embedded (PGlite) or a server (pg): the same SQL runs on both. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction: all of its writes land, or none. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
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
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPglite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  // PGlite is one connection: serialise transactions so two requests never interleave inside one.
  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
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
          fn({ query: async (sql, params) => ({ rows: (await tx.query(sql, params)).rows as never[] }) }),
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

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  await pool.query('SELECT 1');
  const listeners = new Set<() => Promise<void>>();
  return {
    kind: 'postgres',
    query: async (sql, params) => ({ rows: (await pool.query(sql, params as unknown[])).rows }),
    exec: async (sql) => void (await pool.query(sql)),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (sql, params) => ({ rows: (await client.query(sql, params as unknown[])).rows }),
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
