import type { CaseRow, StepRow, StepStatus } from '../../contract/cases';
import type { CatalogueEntry } from '../../data/db';

/** Final statuses (as in the contract), kept here without zod so the dashboard stays light. */
const FINAL: ReadonlySet<StepStatus> = new Set(['completed', 'declined', 'not_applicable']);
export const isFinal = (status: StepStatus) => FINAL.has(status);

/** Steps that count towards progress: what applies to the person and was not declined (a decline is not a step done). */
const counted = (steps: StepRow[]) => steps.filter((s) => s.status !== 'not_applicable' && s.status !== 'declined');

export function progress(steps: StepRow[]): { done: number; total: number } {
  const relevant = counted(steps);
  return { done: relevant.filter((s) => s.status === 'completed').length, total: relevant.length };
}

/** Steps in the catalogue's order of the event service's sub-services. */
export function inCatalogueOrder(steps: StepRow[], eventService: CatalogueEntry | undefined): StepRow[] {
  const position = new Map(eventService?.subServices.map((s, i) => [s.id, i]) ?? []);
  return [...steps].sort((a, b) => (position.get(a.subServiceId) ?? 99) - (position.get(b.subServiceId) ?? 99));
}

const NEXT_ORDER: StepStatus[] = ['action_needed', 'in_progress', 'waiting', 'not_started'];

/** What happens next in a case: the person's own task first, then what an agency is doing, then what waits. */
export function nextStep(steps: StepRow[]): StepRow | undefined {
  for (const status of NEXT_ORDER) {
    const found = steps.filter((s) => s.status === status).sort(byDueDate)[0];
    if (found) return found;
  }
  return undefined;
}

/** Earliest due date first; steps without one last. */
export function byDueDate(a: { dueDate: string | null }, b: { dueDate: string | null }): number {
  if (a.dueDate === b.dueDate) return 0;
  if (a.dueDate === null) return 1;
  if (b.dueDate === null) return -1;
  return a.dueDate < b.dueDate ? -1 : 1;
}

/** The steps waiting for the person, across all active cases, soonest deadline first. */
export function personTasks(cases: CaseRow[], steps: StepRow[]): StepRow[] {
  const active = new Set(cases.filter((c) => c.state === 'active').map((c) => c.id));
  return steps
    .filter((s) => active.has(s.caseId) && s.status === 'action_needed' && s.actor === 'person')
    .sort(byDueDate);
}
