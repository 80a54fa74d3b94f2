import { type Accessor, createMemo, createSignal, onCleanup } from 'solid-js';
import type { MinuRiikDb } from './db';

type Loaded = { db: MinuRiikDb; liveQuery: typeof import('dexie').liveQuery };
let loading: Promise<Loaded> | undefined;

/**
 * The database, loaded on first use rather than with the first paint: Dexie is the largest library
 * of the app, and the first screen can paint its text before any data arrives.
 */
export function openDb(): Promise<Loaded> {
  loading ??= Promise.all([import('./db'), import('dexie')]).then(([m, dexie]) => ({
    db: m.db,
    liveQuery: dexie.liveQuery,
  }));
  return loading;
}

/**
 * A Dexie query as a Solid signal: re-runs when the tables it read change; undefined while loading.
 * A query that depends on signals takes them through `key`: Solid tracks `key`, not the query (which
 * Dexie runs on its own schedule), and a new key starts a new query.
 */
export function createLiveQuery<T, K = undefined>(
  query: (db: MinuRiikDb, key: K) => T | Promise<T>,
  key?: () => K,
): Accessor<T | undefined> {
  const current = createMemo(() => {
    const k = key?.() as K;
    const [value, setValue] = createSignal<T>();
    let subscription: { unsubscribe(): void } | undefined;
    let disposed = false;
    void openDb().then(({ db, liveQuery }) => {
      if (disposed) return;
      subscription = liveQuery(() => query(db, k)).subscribe({
        next: (v) => setValue(() => v),
        error: (error) => console.error('live query failed', error),
      });
    });
    onCleanup(() => {
      disposed = true;
      subscription?.unsubscribe();
    });
    return value;
  });
  return () => current()();
}
