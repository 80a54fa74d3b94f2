import type { Agency } from '../../contract/catalogue';
import { db } from '../../data/db';
import { createLiveQuery } from '../../data/live';

export const useEventServices = () => createLiveQuery(() => db.eventServices.orderBy('position').toArray());

export const useEventService = (id: () => string) =>
  createLiveQuery(async (key) => (await db.eventServices.get(key)) ?? null, id);

export const useAgencies = () =>
  createLiveQuery(async () => new Map<string, Agency>((await db.agencies.toArray()).map((a) => [a.id, a])));
