import { z } from 'zod';
import { Localized } from './i18n';
import { safeDate, safeDateTime, safeText } from './text';

/**
 * A person's cases (a case is one instance of a life event) and their steps (one per sub-service),
 * as the client mirrors them: the server writes these rows to the person's change log as entity
 * `case` and `step`, and the client stores them in IndexedDB as they come.
 *
 * The texts and links of the event service and sub-service (name, description, kind, provision,
 * agency, url, maturity) are not repeated here: the client joins a row with the catalogue by
 * `eventServiceId` / `subServiceId`.
 */

/**
 * not_started: nobody has begun; action_needed: the person must act (see dueDate); in_progress: the
 * agency is working; waiting: held up by another step (waitingOnStepId); completed, declined,
 * not_applicable: final.
 */
export const STEP_STATUSES = [
  'not_started',
  'action_needed',
  'in_progress',
  'waiting',
  'completed',
  'declined',
  'not_applicable',
] as const;
export const StepStatus = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof StepStatus>;

/** The statuses a step ends in: it never moves again, and a case whose steps are all final is completed. */
export const FINAL_STEP_STATUSES: readonly StepStatus[] = ['completed', 'declined', 'not_applicable'];

export function isFinalStatus(status: StepStatus): boolean {
  return FINAL_STEP_STATUSES.includes(status);
}

/** Who acts next on a step: the person, the agency, or nobody (final, not started, or waiting on another step). */
export const StepActor = z.enum(['person', 'agency']);
export type StepActor = z.infer<typeof StepActor>;

/** active: under way; completed: every step is final; closed: ended early (e.g. withdrawn). */
export const CaseState = z.enum(['active', 'completed', 'closed']);
export type CaseState = z.infer<typeof CaseState>;

/** A calendar date, YYYY-MM-DD, with no time zone: a deadline is "by the end of that day" in Estonia. */
export const IsoDate = safeDate();

/** One status change of a step. The first entry of every step has `from: null` (the step was created). */
export const StepHistoryEntry = z.object({
  at: safeDateTime(),
  from: StepStatus.nullable(),
  to: StepStatus,
  reason: Localized,
});
export type StepHistoryEntry = z.infer<typeof StepHistoryEntry>;

/** Change-log entity `case`: one life event of the person. */
export const CaseRow = z.object({
  id: z.uuid(),
  eventServiceId: safeText(),
  state: CaseState,
  /** Whom the case is about besides the person, e.g. the child born or the close one who died; null if only the person. */
  subjectName: safeText().nullable(),
  startedAt: safeDateTime(),
  completedAt: safeDateTime().nullable(),
});
export type CaseRow = z.infer<typeof CaseRow>;

/** Change-log entity `step`: one sub-service inside a case, with its whole history (oldest first). */
export const StepRow = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  subServiceId: safeText(),
  /** The agency that provides the sub-service (also in the catalogue; here so a row reads on its own). */
  agencyId: safeText(),
  status: StepStatus,
  /** Who acts next; null when nobody has to (final), or when the step waits on another step. */
  actor: StepActor.nullable(),
  /** By when the actor is expected to act (the person's deadline, or the agency's decision date). */
  dueDate: IsoDate.nullable(),
  /** For `waiting`: the step (in the same case) this one waits on, and its sub-service for "waiting for …". */
  waitingOnStepId: z.uuid().nullable(),
  waitingOnSubServiceId: safeText().nullable(),
  /** The reason of the latest status change (= the last history entry's reason). */
  reason: Localized,
  updatedAt: safeDateTime(),
  history: z.array(StepHistoryEntry).min(1),
});
export type StepRow = z.infer<typeof StepRow>;
