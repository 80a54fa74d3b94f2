import { describe, expect, it } from 'vitest';
import { STEP_STATUSES, type StepStatus } from '../../src/contract/cases';
import { actorFor, checkTransition } from '../../src/server/cases/transitions';

// Written out independently of TRANSITIONS: rows are "from", columns "to", in STEP_STATUSES order
// (not_started, action_needed, in_progress, waiting, completed, declined, not_applicable).
const ALLOWED: Record<StepStatus, string> = {
  not_started: '1111111',
  action_needed: '0111111',
  in_progress: '0111111',
  waiting: '1111111',
  completed: '0000000',
  declined: '0000000',
  not_applicable: '0000000',
};

const cases = STEP_STATUSES.flatMap((from) =>
  STEP_STATUSES.map((to, i) => ({ from, to, allowed: ALLOWED[from][i] === '1' })),
);

describe('step transitions', () => {
  it.each(cases)('$from → $to: allowed $allowed', ({ from, to, allowed }) => {
    const result = checkTransition(from, to);
    expect(result.ok).toBe(allowed);
    if (!result.ok) {
      expect(result.code).toBe(
        ['completed', 'declined', 'not_applicable'].includes(from) ? 'step_final' : 'invalid_transition',
      );
      expect(result.message).toContain(from);
    }
  });

  it('lets every non-final status reach every final one', () => {
    for (const from of ['not_started', 'action_needed', 'in_progress', 'waiting'] as const) {
      for (const to of ['completed', 'declined', 'not_applicable'] as const)
        expect(checkTransition(from, to).ok).toBe(true);
    }
  });
});

describe('who acts next', () => {
  it.each([
    ['action_needed', undefined, 'person'],
    ['action_needed', 'agency', 'person'],
    ['in_progress', undefined, 'agency'],
    ['in_progress', 'person', 'agency'],
    ['not_started', undefined, null],
    ['not_started', 'person', 'person'],
    ['not_started', 'agency', 'agency'],
    ['waiting', 'person', null],
    ['completed', undefined, null],
    ['declined', 'person', null],
    ['not_applicable', undefined, null],
  ] as const)('%s (asked %s) → %s', (status, requested, expected) => {
    expect(actorFor(status, requested)).toBe(expected);
  });
});
