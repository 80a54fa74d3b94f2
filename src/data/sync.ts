import { createSignal } from 'solid-js';
import type { MutationResponse } from '../contract/sync';
import { ApiError, apiJson, type Fetch, NetworkError } from './api';
import { ENTITY_TABLES, type ItemRef, type MinuRiikDb, PERSON_TABLES } from './db';
import { holdLiveQueries } from './live';
import { type QueuedEntry, REJECTIONS_KEY, undoEntry } from './outbox';
import type { CheckedPage, SkippedRow } from './sync-check';
import { createPageChecker } from './sync-checker';

export const CURSOR_KEY = 'sync.cursor';
/** When the last pull completed; absent until the person's data has arrived once on this device. */
export const LAST_SUCCESS_KEY = 'sync.lastSuccess';
export { REJECTIONS_KEY };
/** Rows the server sent that did not match their schema, so were not stored (the latest 50). */
export const SKIPPED_KEY = 'sync.skipped';
const BATCH = 50;
/** Answers that settle nothing an entry may get (see countUnsettled) before it is given up as rejected. */
export const MAX_TRIES = 5;

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error' | 'signed_out';

export interface Rejection {
  id: string;
  type: string;
  code: string;
  at: string;
  /** The row the refused action was about, to say why on the item itself. */
  about?: ItemRef;
  /** For `field_invalid`: the field refused. */
  field?: string;
  /** The name of the person it was for, when it was sent for someone else whose rows have left the device. */
  subject?: string;
}

export type { SkippedRow };

export interface SyncEngineOptions {
  fetch?: Fetch;
  /**
   * The person id of someone the signed-in person acts for: `db` is then that subject's own database
   * (src/data/subjects.ts). Pulls name them, and so does every action sent; the profile row stays the actor's.
   */
  subject?: string;
  random?: () => number;
  schedule?: (fn: () => void, ms: number) => unknown;
}

/**
 * Sends the outbox, then pulls the person's changes page by page. One run at a time: a request while
 * running makes one more run afterwards. Failures retry with exponential back-off and jitter; a 401
 * stops until the person signs in again.
 */
export function createSyncEngine(db: MinuRiikDb, options: SyncEngineOptions = {}) {
  const fetchImpl = options.fetch ?? ((...args: Parameters<Fetch>) => fetch(...args));
  const random = options.random ?? Math.random;
  const schedule = options.schedule ?? ((fn, ms) => setTimeout(fn, ms));
  const subject = options.subject;
  // A subject's snapshot replaces only their rows: the profile is the actor's, copied when the database was made.
  const replaced = subject ? PERSON_TABLES.filter((t) => t !== ENTITY_TABLES.profile) : PERSON_TABLES;
  const [phase, setPhase] = createSignal<SyncPhase>('idle');
  let running: Promise<SyncPhase> | undefined;
  let again = false;
  let failures = 0;
  let retryScheduled = false;
  const checker = createPageChecker();

  async function reject(entry: QueuedEntry, code: string, field?: string): Promise<void> {
    await undoEntry(db, entry);
    const rejection: Rejection = {
      id: entry.id,
      type: entry.type,
      code,
      at: new Date().toISOString(),
      ...(entry.about ? { about: entry.about } : {}),
      ...(field ? { field } : {}),
    };
    await db.transaction('rw', db.meta, async () => {
      const list = ((await db.meta.get(REJECTIONS_KEY))?.value as Rejection[] | undefined) ?? [];
      await db.meta.put({ key: REJECTIONS_KEY, value: [...list, rejection] });
    });
  }

  /**
   * An answer the entries cannot be settled by (a 500, a 4xx, garbage, a result missing): each counts
   * in `unsettled`, and an entry that has had MAX_TRIES of them is given up as rejected, so that nothing
   * blocks the queue forever. Offline, a 401 and "try later" (502–504) do not count: nothing was decided.
   */
  async function countUnsettled(entries: QueuedEntry[], error: unknown): Promise<void> {
    for (const entry of entries) {
      const unsettled = (entry.unsettled ?? 0) + 1;
      if (unsettled >= MAX_TRIES) await reject(entry, 'not_accepted');
      else await db.outbox.update(entry.seq!, { unsettled, lastError: String(error) });
    }
  }

  async function push(personId: string): Promise<void> {
    for (;;) {
      const queued = (await db.outbox.orderBy('seq').toArray()).filter((e) => e.personId === personId) as QueuedEntry[];
      if (queued.length === 0) return;
      // After an answer that settled nothing, the head goes alone: one bad entry cannot sink a batch.
      const entries = queued.slice(0, queued[0].unsettled ? 1 : BATCH);
      let results: MutationResponse['results'];
      try {
        const { MutationResponse } = await import('../contract/sync');
        const response = MutationResponse.parse(
          await apiJson(fetchImpl, '/api/mutations', {
            method: 'POST',
            body: {
              mutations: entries.map(({ id, type, payload, createdAt }) => ({
                id,
                type,
                payload,
                createdAt,
                ...(subject ? { subject } : {}),
              })),
            },
          }),
        );
        checkAnswers(entries, response);
        results = response.results;
      } catch (error) {
        await db.outbox.bulkUpdate(
          entries.map((e) => ({ key: e.seq!, changes: { attempts: e.attempts + 1, lastError: String(error) } })),
        );
        const decidedNothing =
          error instanceof NetworkError || (error instanceof ApiError && [401, 502, 503, 504].includes(error.status));
        if (!decidedNothing) await countUnsettled(entries, error);
        throw error;
      }
      for (const [i, entry] of entries.entries()) {
        const result = results[i];
        if (!result) {
          // A short answer: this one counts a try, the rest waits for the next run.
          const error = new Error('The server did not answer every change');
          await countUnsettled([entry], error);
          throw error;
        }
        if (result.status === 'rejected') await reject(entry, result.code, result.field);
        else await db.outbox.delete(entry.seq!);
      }
    }
  }

  /** Writes a checked page: its rows, the rows left out (the person is told), and the cursor, in one transaction. */
  async function applyPage({ page, skipped }: CheckedPage, fromScratch: boolean): Promise<void> {
    for (const row of skipped) console.warn(`sync: skipped a bad ${row.entity} row ${row.id}`, row.issues);
    await db.transaction('rw', [...PERSON_TABLES, 'meta'], async () => {
      if (fromScratch) await Promise.all(replaced.map((t) => db.table(t).clear()));
      // The log is compacted (one change per row), so a page's puts and deletes can go in bulk.
      const puts = new Map<string, Record<string, unknown>[]>();
      const deletes = new Map<string, string[]>();
      for (const change of page.changes) {
        const table = ENTITY_TABLES[change.entity];
        if (change.op === 'put') {
          if (!puts.has(table)) puts.set(table, []);
          puts.get(table)!.push({ ...change.data, id: change.id });
        } else {
          if (!deletes.has(table)) deletes.set(table, []);
          deletes.get(table)!.push(change.id);
        }
      }
      for (const [table, rows] of puts) await db.table(table).bulkPut(rows);
      for (const [table, ids] of deletes) await db.table(table).bulkDelete(ids);
      if (skipped.length) {
        const list = ((await db.meta.get(SKIPPED_KEY))?.value as SkippedRow[] | undefined) ?? [];
        const rows = skipped.map(({ entity, id, at }) => ({ entity, id, at }));
        await db.meta.put({ key: SKIPPED_KEY, value: [...list, ...rows].slice(-50) });
      }
      // The cursor moves in the same transaction as the rows: a crash can neither skip nor repeat a change.
      await db.meta.put({ key: CURSOR_KEY, value: page.cursor });
    });
  }

  /** The page after `cursor`, fetched and checked (shape and every row) by the checker. */
  async function fetchPage(cursor: string | undefined): Promise<CheckedPage> {
    const params = new URLSearchParams({ ...(cursor ? { cursor } : {}), ...(subject ? { subject } : {}) });
    const query = params.size > 0 ? `?${params}` : '';
    return checker.check(await apiJson(fetchImpl, `/api/sync${query}`));
  }

  async function pull(): Promise<void> {
    let cursor = (await db.meta.get(CURSOR_KEY))?.value as string | undefined;
    // A pull of several pages holds the screens' live queries until its last page: they then run once.
    let release: (() => void) | undefined;
    try {
      for (;;) {
        let checked: CheckedPage;
        try {
          checked = await fetchPage(cursor);
        } catch (error) {
          if (error instanceof ApiError && error.code === 'bad_cursor' && cursor) {
            cursor = undefined; // the server no longer knows our place: start again from a full snapshot
            continue;
          }
          throw error;
        }
        if (checked.page.more) release ??= holdLiveQueries();
        await applyPage(checked, cursor === undefined);
        cursor = checked.page.cursor;
        if (!checked.page.more) break;
      }
      await db.meta.put({ key: LAST_SUCCESS_KEY, value: new Date().toISOString() });
    } finally {
      release?.();
    }
  }

  async function run(): Promise<SyncPhase> {
    setPhase('syncing');
    try {
      const profile = await db.profile.get('me');
      if (profile) await push(String(profile.personId));
      await pull();
      const after = await db.profile.get('me');
      // Actions queued before the first pull of this person (e.g. right after sign-in) go out now.
      if (after && !profile) await push(String(after.personId));
      failures = 0;
      return 'idle';
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return 'signed_out';
      failures += 1;
      scheduleRetry(error instanceof ApiError ? error.retryAfterSeconds : undefined);
      return error instanceof NetworkError ? 'offline' : 'error';
    }
  }

  /** Back-off with jitter; a busy server's Retry-After is waited out first, spread over half as long again. */
  function scheduleRetry(retryAfterSeconds?: number) {
    if (retryScheduled) return;
    retryScheduled = true;
    const base = Math.min(60_000, 1000 * 2 ** Math.min(failures - 1, 6));
    const busy = (retryAfterSeconds ?? 0) * 1000 * (1 + random() / 2);
    schedule(
      () => {
        retryScheduled = false;
        void sync();
      },
      Math.max(base * (0.5 + random() / 2), busy),
    );
  }

  /** Runs a sync now, or once more after the one under way. Resolves with the phase it ended in. */
  function sync(): Promise<SyncPhase> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result: SyncPhase;
      do {
        again = false;
        result = await run();
      } while (again && result === 'idle');
      setPhase(result);
      running = undefined;
      return result;
    })();
    return running;
  }

  return { sync, phase };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

/** The server answers the batch in order, one result per mutation, and may stop early; anything else is an error. */
function checkAnswers(entries: QueuedEntry[], response: MutationResponse): void {
  if (response.results.length > entries.length)
    throw new Error(`Mutation response: ${response.results.length} results for ${entries.length} mutations`);
  response.results.forEach((result, i) => {
    if (result.id !== entries[i].id) throw new Error(`Mutation response: result ${i} is for ${result.id}`);
  });
}
