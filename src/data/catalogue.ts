import { Catalogue } from '../contract/catalogue';
import { db } from './db';

const ETAG_KEY = 'catalogue.etag';

export type RefreshResult = 'updated' | 'unchanged' | 'offline';

/**
 * Fetches the catalogue and writes it to IndexedDB in one transaction; the screens see it through
 * liveQuery. Offline or on a server error the stored copy stays as it is.
 */
export async function refreshCatalogue(fetchImpl: typeof fetch = fetch): Promise<RefreshResult> {
  const etag = (await db.meta.get(ETAG_KEY))?.value as string | undefined;
  const hasData = (await db.eventServices.count()) > 0;
  let response: Response;
  try {
    response = await fetchImpl('/api/catalogue', { headers: etag && hasData ? { 'If-None-Match': etag } : {} });
  } catch {
    return 'offline';
  }
  if (response.status === 304) return 'unchanged';
  if (!response.ok) throw new Error(`catalogue: HTTP ${response.status}`);
  const catalogue = Catalogue.parse(await response.json());
  await db.transaction('rw', db.eventServices, db.agencies, db.meta, async () => {
    await db.eventServices.clear();
    await db.agencies.clear();
    await db.eventServices.bulkPut(catalogue.eventServices.map((es, position) => ({ ...es, position })));
    await db.agencies.bulkPut(catalogue.agencies);
    await db.meta.put({ key: ETAG_KEY, value: response.headers.get('ETag') ?? undefined });
  });
  return 'updated';
}
