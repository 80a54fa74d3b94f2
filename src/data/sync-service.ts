import { type Accessor, createRoot, createSignal } from 'solid-js';
import { startChangeStream } from './change-stream';
import { db } from './db';
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
    createLiveQuery(async (db) => ((await db.meta.get(LAST_SUCCESS_KEY))?.value as string | undefined) ?? null),
  );
  return lastSync;
}

/** Whether the live status stream runs (it stops itself on a 401). */
let streaming = false;

/** Asks for a sync now (or right after the one under way). */
export async function requestSync(): Promise<SyncPhase> {
  const phase = await engine.sync();
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
  db.outbox.hook('creating', (_key, _entry, transaction) => {
    transaction.on('complete', () => {
      void requestSync();
      void registerBackgroundSync();
    });
  });
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
