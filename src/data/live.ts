import { liveQuery } from 'dexie';
import { type Accessor, from } from 'solid-js';

/** A Dexie query as a Solid signal: re-runs when the tables it read change; undefined while loading. */
export function createLiveQuery<T>(query: () => T | Promise<T>): Accessor<T | undefined> {
  return from<T>(liveQuery(query));
}
