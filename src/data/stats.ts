import type { ServiceStatsRow } from '../contract/feedback';
import { apiJson } from './api';
import { db } from './db';

/** Fetches the open ratings and keeps them in IndexedDB (public data: kept after sign-out too). */
export async function refreshServiceStats(): Promise<void> {
  const { rows } = await apiJson<{ rows: ServiceStatsRow[] }>(fetch, '/api/stats/services');
  const valid = rows.filter(
    (r) => typeof r.month === 'string' && typeof r.subServiceId === 'string' && Number.isInteger(r.answers),
  );
  await db.transaction('rw', db.serviceStats, async () => {
    await db.serviceStats.clear();
    await db.serviceStats.bulkPut(
      valid.map((r) => ({ ...r, key: `${r.month}|${r.subServiceId}|${r.agencyId}|${r.question}` })),
    );
  });
}
