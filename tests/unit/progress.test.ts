import { describe, expect, it } from 'vitest';
import type { CaseRow, StepRow, StepStatus } from '../../src/contract/cases';
import { nextStep, personTasks, progress } from '../../src/features/events/progress';

let n = 0;
const step = (status: StepStatus, extra: Partial<StepRow> = {}): StepRow => ({
  id: `s${n++}`,
  caseId: 'c1',
  subServiceId: `sub${n}`,
  agencyId: 'ska',
  status,
  actor: status === 'action_needed' ? 'person' : status === 'in_progress' ? 'agency' : null,
  dueDate: null,
  waitingOnStepId: null,
  waitingOnSubServiceId: null,
  reason: { et: '', en: '', ru: '', uk: '' },
  updatedAt: '2026-11-01T00:00:00.000Z',
  history: [],
  ...extra,
});
const activeCase: CaseRow = {
  id: 'c1',
  eventServiceId: 'having-a-child',
  state: 'active',
  subjectName: null,
  startedAt: '',
  completedAt: null,
};

describe('progress', () => {
  it('counts completed steps as done and leaves out what does not apply or was declined', () => {
    expect(progress([step('completed'), step('declined'), step('in_progress'), step('not_applicable')])).toEqual({
      done: 1,
      total: 2,
    });
    expect(progress([step('declined'), step('in_progress')])).toEqual({ done: 0, total: 1 });
    expect(progress([])).toEqual({ done: 0, total: 0 });
  });
});

describe('nextStep', () => {
  it('puts the person’s own task first, the soonest deadline first', () => {
    const later = step('action_needed', { dueDate: '2026-12-20' });
    const sooner = step('action_needed', { dueDate: '2026-12-01' });
    expect(nextStep([step('in_progress'), later, sooner, step('not_started')])).toBe(sooner);
  });
  it('then what an agency does, then what waits, then what has not started; nothing when all is done', () => {
    const working = step('in_progress');
    expect(nextStep([step('not_started'), step('waiting'), working])).toBe(working);
    expect(nextStep([step('completed'), step('declined')])).toBeUndefined();
  });
});

describe('personTasks', () => {
  it('lists the person’s open steps of active cases only, soonest first, undated last', () => {
    const a = step('action_needed', { dueDate: '2026-12-05' });
    const b = step('action_needed');
    const c = step('action_needed', { dueDate: '2026-11-30' });
    const closed = step('action_needed', { caseId: 'c2' });
    const agencyTurn = step('action_needed', { actor: 'agency' });
    const cases = [activeCase, { ...activeCase, id: 'c2', state: 'closed' as const }];
    expect(personTasks(cases, [a, b, closed, c, agencyTurn])).toEqual([c, a, b]);
  });
});
