import { isFinalStatus, type StepActor, type StepStatus } from '../../contract/cases';

/**
 * Which status a step may move to from which, as data. Read a row as "from → may become".
 *
 * - A non-final status may be "moved" to itself: the agency updates the due date, what the step
 *   waits on or the reason without a new status (it still gets a history entry).
 * - `completed`, `declined` and `not_applicable` are final: nothing moves a step out of them. An
 *   agency that has to correct a final decision (an appeal, an annulled decision) will do it with
 *   its own event type, which records the correction as such; `service.status_changed` never does.
 * - Back to `not_started` only from `waiting`: the step it waited on was settled and nobody has
 *   begun this one yet. Once work has started it is not "not started" again.
 */
export const TRANSITIONS: Readonly<Record<StepStatus, readonly StepStatus[]>> = {
  not_started: ['not_started', 'action_needed', 'in_progress', 'waiting', 'completed', 'declined', 'not_applicable'],
  action_needed: ['action_needed', 'in_progress', 'waiting', 'completed', 'declined', 'not_applicable'],
  in_progress: ['in_progress', 'action_needed', 'waiting', 'completed', 'declined', 'not_applicable'],
  waiting: ['waiting', 'not_started', 'action_needed', 'in_progress', 'completed', 'declined', 'not_applicable'],
  completed: [],
  declined: [],
  not_applicable: [],
};

export type TransitionCheck = { ok: true } | { ok: false; code: 'step_final' | 'invalid_transition'; message: string };

/** Whether a step in status `from` may move to `to`, and if not, why (for the agency's 409). */
export function checkTransition(from: StepStatus, to: StepStatus): TransitionCheck {
  if (TRANSITIONS[from].includes(to)) return { ok: true };
  if (isFinalStatus(from)) {
    return { ok: false, code: 'step_final', message: `The step is already ${from}, which is final` };
  }
  return { ok: false, code: 'invalid_transition', message: `A step cannot move from ${from} to ${to}` };
}

/**
 * Who acts next in a status. `action_needed` is the person's move and `in_progress` the agency's;
 * a waiting or final step waits for nobody in particular. Only for `not_started` may the caller say
 * who will begin (e.g. `person` for an application the person has yet to submit).
 */
export function actorFor(status: StepStatus, requested?: StepActor): StepActor | null {
  switch (status) {
    case 'action_needed':
      return 'person';
    case 'in_progress':
      return 'agency';
    case 'not_started':
      return requested ?? null;
    default:
      return null;
  }
}
