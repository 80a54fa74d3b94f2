import type { Catalogue } from '../contract/catalogue';
import { nextTask, openDb } from './live';

const ETAG_KEY = 'catalogue.etag';

export type RefreshResult = 'updated' | 'unchanged' | 'offline';

/**
 * Fetches the catalogue and writes it to IndexedDB in one transaction; the screens see it through
 * liveQuery. Offline or on a server error the stored copy stays as it is.
 */
export async function refreshCatalogue(fetchImpl: typeof fetch = fetch): Promise<RefreshResult> {
  const { db } = await openDb(); // once the first screen has painted
  await nextTask();
  const etag = (await db.meta.get(ETAG_KEY))?.value as string | undefined;
  const hasData = (await db.eventServices.count()) > 0;
  // Without a stored copy the answer will be a catalogue: its checker starts while the request is on its way.
  let checker = hasData ? undefined : startChecker();
  try {
    let response: Response;
    try {
      response = await fetchImpl('/api/catalogue', { headers: etag && hasData ? { 'If-None-Match': etag } : {} });
    } catch {
      return 'offline';
    }
    if (response.status === 304) return 'unchanged';
    if (!response.ok) throw new Error(`catalogue: HTTP ${response.status}`);
    checker ??= startChecker();
    const catalogue = await checker.check(await response.json());
    await nextTask();
    await db.transaction('rw', db.eventServices, db.agencies, db.meta, async () => {
      await db.eventServices.clear();
      await db.agencies.clear();
      await db.eventServices.bulkPut(catalogue.eventServices.map((es, position) => ({ ...es, position })));
      await db.agencies.bulkPut(catalogue.agencies);
      await db.meta.put({ key: ETAG_KEY, value: response.headers.get('ETag') ?? undefined });
    });
    return 'updated';
  } finally {
    checker?.dispose();
  }
}

interface Checker {
  /** The catalogue checked against the contract; throws on a bad one. */
  check(body: unknown): Promise<Catalogue>;
  dispose(): void;
}

/**
 * Checks in a worker where the browser has them, so that loading zod and checking every text and link
 * (the longest work of a first visit) stay off the main thread; here where there is none (tests) or the
 * worker cannot start.
 */
function startChecker(): Checker {
  const inThread = async (body: unknown) => (await import('../contract/catalogue')).Catalogue.parse(body);
  if (typeof Worker === 'undefined') return { check: inThread, dispose: () => undefined };
  const worker = new Worker(new URL('./catalogue-check.worker.ts', import.meta.url), { type: 'module' });
  let failed = false;
  worker.addEventListener('error', () => {
    failed = true;
  });
  const check = (body: unknown) =>
    new Promise<Catalogue>((resolve, reject) => {
      if (failed) return resolve(inThread(body));
      worker.addEventListener('message', ({ data }: MessageEvent<{ catalogue?: Catalogue; error?: string }>) => {
        if (data.error !== undefined) reject(new Error(`catalogue: ${data.error}`));
        else resolve(data.catalogue as Catalogue);
      });
      worker.addEventListener('error', () => resolve(inThread(body)));
      worker.postMessage(body);
    });
  return { check, dispose: () => worker.terminate() };
}
