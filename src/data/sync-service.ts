import { type Accessor, createRoot, createSignal } from 'solid-js';
import { tallinnDate } from '../contract/dates';
import { acting, setActing } from './acting';
import { startChangeStream } from './change-stream';
import { db, type MinuRiikDb } from './db';
import { createLiveQuery } from './live';
import { CURSOR_KEY, createSyncEngine, LAST_SUCCESS_KEY, type SyncPhase } from './sync';

const engine = createSyncEngine(db);
const [started, setStarted] = createSignal(false);

/** Where sync stands: idle, syncing, offline, error, or signed_out (the session ended; sign in again). */
export const syncPhase = (): SyncPhase | 'stopped' => (started() ? engine.phase() : 'stopped');

let lastSync: Accessor<string | null | undefined> | undefined;

/**
 * When the person's data last arrived on this device (ISO), null before it ever has; undefined while
 * loading. One live query for the whole app.
 */
export function useLastSync(): Accessor<string | null | undefined> {
  lastSync ??= createRoot(() =>
    createLiveQuery(
      async (db) => ((await db.meta.get(LAST_SUCCESS_KEY))?.value as string | undefined) ?? null,
      undefined,
      { own: true },
    ),
  );
  return lastSync;
}

/**
 * Deletes the databases of everyone the person acted for on this device (sign-out, or another person
 * signing in), after the screens have left them. Their queued actions go unsent, as the person's own do.
 */
export async function forgetSubjects(): Promise<void> {
  await actFor(null);
  const { deleteSubjectDbs } = await import('./subjects');
  await deleteSubjectDbs(db);
}

/** Whether the live status stream runs (it stops itself on a 401). */
let streaming = false;

/** Asks for a sync now (or right after the one under way), the people one acts for after one's own. */
export async function requestSync(): Promise<SyncPhase> {
  const phase = await engine.sync();
  if (phase === 'idle') await syncSubjectsOnce();
  // A live status stream stopped by an ended session starts again once the server accepts a sync (a new sign-in).
  if (phase === 'idle' && started()) openChangeStream();
  return phase;
}

function openChangeStream(): void {
  if (streaming) return;
  streaming = true;
  startChangeStream({
    onCursor: async (cursor) => {
      if (cursor !== (await db.meta.get(CURSOR_KEY))?.value) void requestSync();
    },
    onSignedOut: () => {
      streaming = false;
      void requestSync(); // the sync then says the session ended
    },
  });
}

let subjectsRun: Promise<void> | undefined;
let subjectsAgain = false;

/** One run of syncSubjects at a time; asked meanwhile, one more after it. */
function syncSubjectsOnce(): Promise<void> {
  if (subjectsRun) {
    subjectsAgain = true;
    return subjectsRun;
  }
  subjectsRun = (async () => {
    try {
      do {
        subjectsAgain = false;
        await syncTheirs();
      } while (subjectsAgain);
    } catch (error) {
      console.warn('sync of the people one acts for failed', error);
    } finally {
      subjectsRun = undefined;
    }
  })();
  return subjectsRun;
}

/**
 * After the signed-in person's own sync, whose mandates are now current: the screens leave a subject no
 * mandate allows any more (back to the person's own data) before that subject's database is deleted; then
 * every subject still held is synced in their own database (subjects.ts).
 */
async function syncTheirs(): Promise<void> {
  const { mandatesFor, syncSubjects } = await import('./subjects');
  const today = tallinnDate();
  const current = acting();
  if (current) {
    const mandates = await mandatesFor(db, current.subjectId, today);
    if (mandates.length === 0) await actFor(null);
    else setActing({ ...current, mandates });
  }
  await syncSubjects(db, today);
}

/**
 * Shows and acts for `subjectId` (a person a mandate on this device lets the signed-in person act for),
 * or, with null, for oneself again. Works offline: the subject's rows are those their last sync brought.
 * Returns false when no mandate allows it (any more).
 */
export async function actFor(subjectId: string | null): Promise<boolean> {
  const previous = acting();
  if (previous?.subjectId === subjectId) return true;
  if (subjectId === null) {
    setActing(null);
    previous?.db.close();
    return true;
  }
  const { mandatesFor, openSubjectDb } = await import('./subjects');
  const mandates = await mandatesFor(db, subjectId, tallinnDate());
  if (mandates.length === 0) return false;
  const subject = await openSubjectDb(db, subjectId);
  watchOutbox(subject);
  const { givenName, familyName } = mandates[0].person;
  setActing({ subjectId, givenName, familyName, mandates, db: subject });
  previous?.db.close();
  if (started()) void requestSync();
  return true;
}

/** An action queued in `target`'s outbox is sent at once (or when the network returns). */
function watchOutbox(target: MinuRiikDb): void {
  target.outbox.hook('creating', (_key, _entry, transaction) => {
    transaction.on('complete', () => {
      void requestSync();
      void registerBackgroundSync();
    });
  });
}

/**
 * Starts syncing for the signed-in person: now, when the network returns, when the app becomes
 * visible, when the service worker says so (after a push or Background Sync), after every action, and
 * while the app is visible, when the server's live status says the person's change log moved.
 */
export function startSync(): void {
  if (started()) return;
  setStarted(true);
  window.addEventListener('online', () => void requestSync());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void requestSync();
  });
  navigator.serviceWorker?.addEventListener('message', (event) => {
    if (event.data?.type === 'sync') void requestSync();
  });
  watchOutbox(db);
  void requestSync();
  openChangeStream();
}

/** Where the browser has Background Sync, it wakes the worker to send the outbox once back online. */
async function registerBackgroundSync(): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.ready) as
      | (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } })
      | undefined;
    await registration?.sync?.register('outbox');
  } catch {
    // Not supported or not allowed: sync on start, online and visibility does the same job.
  }
}
