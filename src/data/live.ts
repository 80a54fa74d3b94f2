import { type Accessor, createEffect, createMemo, createSignal, onCleanup } from 'solid-js';
import { acting } from './acting';
import type { MinuRiikDb } from './db';

type Loaded = { db: MinuRiikDb; liveQuery: typeof import('dexie').liveQuery };
let loading: Promise<Loaded> | undefined;

/**
 * Resolves once the browser has painted the screen rendered so far (the frame after this one), or after
 * 100 ms where no frame comes (a tab in the background). Work started then stays off the first paint's
 * path: neither its downloads nor its CPU time delay the first screen's text.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/**
 * Resolves when the browser has an idle moment (at most `timeout` ms later), or in a new task where it has
 * no requestIdleCallback. Start-up work waits for it, so that a tap or a frame never waits for that work.
 */
export function whenIdle(timeout = 500): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });
}

/** Resolves in a new task: long work split by it leaves the browser free to paint and answer input between. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The database, loaded once the first screen has painted and the browser is idle, rather than with it: Dexie is the largest
 * library of the app, and the first screen can paint its text before any data arrives.
 */
export function openDb(): Promise<Loaded> {
  loading ??= afterPaint()
    .then(() => whenIdle())
    .then(() => Promise.all([import('./db'), import('dexie')]))
    .then(async ([m, dexie]) => {
      // Opened here, before any query: otherwise Dexie holds every query until the database is open
      // and runs them all in one long task. A failure to open reaches each query as its own error.
      await m.db.open().catch(() => undefined);
      return { db: m.db, liveQuery: dexie.liveQuery };
    });
  return loading;
}

const [held, setHeld] = createSignal(0);

/**
 * Puts the live queries on hold while a sync writes page after page: they keep the value they had, and
 * run once when the returned release is called instead of once per page (a query reading a whole table,
 * such as the unread count, would otherwise read it again for every page).
 */
export function holdLiveQueries(): () => void {
  setHeld((n) => n + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    setHeld((n) => n - 1);
  };
}

const [failures, setFailures] = createSignal<ReadonlySet<() => void>>(new Set());

/** Whether a live query on the screen failed (the browser's storage refused a read); its retry is retryLiveQueries. */
export const liveQueryFailed = (): boolean => failures().size > 0;

/** Runs every failed live query again. */
export function retryLiveQueries(): void {
  const retries = [...failures()];
  setFailures(new Set<() => void>());
  for (const retry of retries) retry();
}

const withFailure = (retry: () => void, failed: boolean) =>
  setFailures((set) => {
    if (set.has(retry) === failed) return set;
    const next = new Set(set);
    if (failed) next.add(retry);
    else next.delete(retry);
    return next;
  });

/**
 * A Dexie query as a Solid signal: re-runs when the tables it read change; undefined while loading.
 * One that fails stays undefined and is counted in liveQueryFailed until retried.
 * A query that depends on signals takes them through `key`: Solid tracks `key`, not the query (which
 * Dexie runs on its own schedule), and a new key starts a new query.
 * It reads the database of the person the screens show (acting.ts), and starts again when that changes;
 * with `own`, always the signed-in person's (their session, settings, the catalogue).
 */
export function createLiveQuery<T, K = undefined>(
  query: (db: MinuRiikDb, key: K) => T | Promise<T>,
  key?: () => K,
  options: { own?: boolean } = {},
): Accessor<T | undefined> {
  const current = createMemo(() => {
    const k = key?.() as K;
    const subject = options.own ? undefined : acting()?.db;
    const [value, setValue] = createSignal<T>();
    let subscription: { unsubscribe(): void } | undefined;
    let loaded: Loaded | undefined;
    let disposed = false;
    const start = (db: Loaded) => {
      loaded = db;
      if (held() > 0) return; // the hold's end starts it
      const from = subject ?? db.db;
      subscription = db
        .liveQuery(() => query(from, k))
        .subscribe({
          next: (v) => setValue(() => v),
          error: (error) => {
            console.error('live query failed', error);
            withFailure(retry, true);
          },
        });
    };
    const retry = () => {
      subscription?.unsubscribe();
      if (!disposed) void openDb().then(start);
    };
    // Each query starts in a task of its own, so that a screen's queries do not add up to one long task.
    void openDb().then(async (db) => {
      await nextTask();
      if (!disposed) start(db);
    });
    // On hold, the query stops (its value stays); at the hold's end it starts again, which runs it once.
    createEffect(() => {
      if (held() > 0) {
        subscription?.unsubscribe();
        subscription = undefined;
      } else if (loaded && !subscription && !disposed) start(loaded);
    });
    onCleanup(() => {
      disposed = true;
      subscription?.unsubscribe();
      withFailure(retry, false);
    });
    return value;
  });
  return () => current()();
}
