import type { Agency } from '../contract/catalogue';
import { createLiveQuery } from './live';

export const useEventServices = () => createLiveQuery((db) => db.eventServices.orderBy('position').toArray());

export const useEventService = (id: () => string) =>
  createLiveQuery(async (db, key) => (await db.eventServices.get(key)) ?? null, id);

export const useAgencies = () =>
  createLiveQuery(async (db) => new Map<string, Agency>((await db.agencies.toArray()).map((a) => [a.id, a])));
