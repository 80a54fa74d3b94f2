import type { Agency } from '../contract/catalogue';
import { createLiveQuery } from './live';

// The public catalogue lives in the signed-in person's own database only: `own`, whoever the screens show.
const OWN = { own: true };

export const useEventServices = () =>
  createLiveQuery((db) => db.eventServices.orderBy('position').toArray(), undefined, OWN);

export const useEventService = (id: () => string) =>
  createLiveQuery(async (db, key) => (await db.eventServices.get(key)) ?? null, id, OWN);

export const useAgencies = () =>
  createLiveQuery(
    async (db) => new Map<string, Agency>((await db.agencies.toArray()).map((a) => [a.id, a])),
    undefined,
    OWN,
  );
