import type { DataUseRow } from '../../contract/data-uses';
import { createLiveQuery } from '../../data/live';

export interface DataUseFilter {
  agencyId: string;
  offerId: string;
  limit: number;
}

/** The newest uses matching the filter, at most `limit` (a page more is one more query, not all rows). */
export const useDataUses = (filter: () => DataUseFilter) =>
  createLiveQuery(async (db, f) => {
    const matches = (u: DataUseRow) =>
      (!f.agencyId || u.agencyId === f.agencyId) && (!f.offerId || u.offerId === f.offerId);
    const page = await db.dataUses
      .orderBy('usedAt')
      .reverse()
      .filter(matches)
      .limit(f.limit + 1)
      .toArray();
    return { uses: page.slice(0, f.limit), more: page.length > f.limit };
  }, filter);

/** The agencies that used the person's data, for the filter. */
export const useDataUseAgencies = () =>
  createLiveQuery(async (db) => (await db.dataUses.orderBy('agencyId').uniqueKeys()) as string[]);

/** Where a step is, for its link. */
export const useStepCases = () =>
  createLiveQuery(async (db) => new Map((await db.steps.toArray()).map((s) => [s.id, s.caseId])));
