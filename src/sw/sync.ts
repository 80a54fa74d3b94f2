/// <reference lib="webworker" />
declare const self: ServiceWorkerGlobalScope;

/** Tells every open window of the app to sync (after a push, or when Background Sync fires). */
export async function askWindowsToSync(): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) client.postMessage({ type: 'sync' });
}

/** Background Sync (Chromium): the browser wakes the worker once the network is back. */
export function handleBackgroundSync(): void {
  self.addEventListener('sync', (event) => {
    const syncEvent = event as ExtendableEvent & { tag: string };
    if (syncEvent.tag === 'outbox') syncEvent.waitUntil(askWindowsToSync());
  });
}
