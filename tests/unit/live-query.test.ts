import { createRoot } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';

// The queries below read no table: the database only has to open, and Dexie's liveQuery only has to
// run the query once and report its value or its error (as Dexie's does) for what live.ts does with them.
vi.mock('../../src/data/db', () => ({ db: { open: async () => undefined } }));
vi.mock('dexie', () => ({
  liveQuery: (query: () => Promise<unknown>) => ({
    subscribe(observer: { next(v: unknown): void; error(e: unknown): void }) {
      let open = true;
      void Promise.resolve()
        .then(query)
        .then(
          (v) => open && observer.next(v),
          (e) => open && observer.error(e),
        );
      return { unsubscribe: () => (open = false) };
    },
  }),
}));

const { createLiveQuery, liveQueryFailed, retryLiveQueries } = await import('../../src/data/live');

describe('a live query that fails', () => {
  it('is shown as failed until retried, and then gives its value', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let reads = 0;
    const { value, dispose } = createRoot((dispose) => ({
      value: createLiveQuery(async () => {
        reads++;
        if (reads === 1) throw new Error('storage refused');
        return 'rows';
      }),
      dispose,
    }));
    await vi.waitFor(() => expect(liveQueryFailed()).toBe(true));
    expect(value()).toBeUndefined();

    retryLiveQueries();
    expect(liveQueryFailed()).toBe(false);
    await vi.waitFor(() => expect(value()).toBe('rows'));
    expect(reads).toBe(2);
    dispose();
  });

  it('no longer counts as failed once its screen is gone', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dispose = createRoot((dispose) => {
      createLiveQuery(async () => {
        throw new Error('storage refused');
      });
      return dispose;
    });
    await vi.waitFor(() => expect(liveQueryFailed()).toBe(true));
    dispose();
    expect(liveQueryFailed()).toBe(false);
  });
});
