import { createLiveQuery } from '../../data/live';

export const useCases = () =>
  createLiveQuery(async (db) => (await db.cases.toArray()).sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1)));

export const useAllSteps = () => createLiveQuery(async (db) => db.steps.toArray());

export const useCase = (id: () => string) => createLiveQuery(async (db, key) => (await db.cases.get(key)) ?? null, id);

export const useCaseSteps = (caseId: () => string) =>
  createLiveQuery(async (db, key) => db.steps.where('caseId').equals(key).toArray(), caseId);
