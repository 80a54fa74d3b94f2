import { liveQuery } from 'dexie';
import { type Accessor, createMemo, from } from 'solid-js';

/**
 * A Dexie query as a Solid signal: re-runs when the tables it read change; undefined while loading.
 * A query that depends on signals takes them through `key`: Solid tracks `key`, not the query (which
 * Dexie runs on its own schedule), and a new key starts a new query.
 */
export function createLiveQuery<T, K = undefined>(
  query: (key: K) => T | Promise<T>,
  key?: () => K,
): Accessor<T | undefined> {
  const current = createMemo(() => {
    const k = key?.() as K;
    return from<T>(liveQuery(() => query(k)));
  });
  return () => current()();
}
