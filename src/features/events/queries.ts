import type { CaseRow, StepRow } from '../../contract/cases';
import { createLiveQuery } from '../../data/live';

export const useCases = () =>
  createLiveQuery(async (db) =>
    ((await db.cases.toArray()) as unknown as CaseRow[]).sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1)),
  );

export const useAllSteps = () => createLiveQuery(async (db) => (await db.steps.toArray()) as unknown as StepRow[]);

export const useCase = (id: () => string) =>
  createLiveQuery(async (db, key) => ((await db.cases.get(key)) as unknown as CaseRow | undefined) ?? null, id);

export const useCaseSteps = (caseId: () => string) =>
  createLiveQuery(
    async (db, key) => (await db.steps.where('caseId').equals(key).toArray()) as unknown as StepRow[],
    caseId,
  );
