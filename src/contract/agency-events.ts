import { z } from 'zod';
import { CaseState, IsoDate, StepActor, StepStatus } from './cases';
import { Localized } from './i18n';
import { isValidPersonalCode } from './isikukood';
import { safeDateTime, safeText } from './text';

/**
 * What agencies' systems post to `POST /api/agency/events`. Every event has an `id` (the agency's
 * own, unique per agency: the idempotency key), a `type` and `occurredAt`; the rest depends on the type.
 */

const SubServiceId = safeText().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'a sub-service id from the catalogue');

export const PersonalCode = z
  .string()
  .regex(/^\d{11}$/, 'an Estonian personal code: 11 digits')
  .refine(isValidPersonalCode, 'not a valid Estonian personal code (date or checksum)');

/** The part every event has; checked first, so the type can pick the rest of the schema. */
export const AgencyEventEnvelope = z.object({
  id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
  type: safeText().min(1).max(64),
  occurredAt: safeDateTime(),
});
export type AgencyEventEnvelope = z.infer<typeof AgencyEventEnvelope>;

export const SERVICE_STATUS_CHANGED = 'service.status_changed';

/**
 * `service.status_changed`: the full new state of one step of a person. Fields left out are empty
 * in the new state (a due date of the old state does not carry over).
 */
export const ServiceStatusChangedEvent = z
  .strictObject({
    id: AgencyEventEnvelope.shape.id,
    type: z.literal(SERVICE_STATUS_CHANGED),
    occurredAt: AgencyEventEnvelope.shape.occurredAt,
    personalCode: PersonalCode,
    subServiceId: SubServiceId,
    /** Which case, when the person has more than one active case with this sub-service; default the latest. */
    caseId: z.uuid().optional(),
    status: StepStatus,
    reason: Localized,
    /** By when the next actor is expected to act. Not allowed with a final status. */
    dueDate: IsoDate.optional(),
    /** For `waiting` (and only then, and required): the sub-service, in the same case, this step waits on. */
    waitingOn: SubServiceId.optional(),
    /** Who acts next, for `not_started` only (default nobody); every other status implies it. */
    actor: StepActor.optional(),
  })
  .superRefine((event, ctx) => {
    if (event.status === 'waiting' && !event.waitingOn) {
      ctx.addIssue({ code: 'custom', path: ['waitingOn'], message: 'status waiting needs waitingOn' });
    }
    if (event.status !== 'waiting' && event.waitingOn) {
      ctx.addIssue({ code: 'custom', path: ['waitingOn'], message: 'waitingOn is only for status waiting' });
    }
    if (event.waitingOn === event.subServiceId && event.waitingOn) {
      ctx.addIssue({ code: 'custom', path: ['waitingOn'], message: 'a step cannot wait on itself' });
    }
    if (event.dueDate && ['completed', 'declined', 'not_applicable'].includes(event.status)) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: `status ${event.status} takes no dueDate` });
    }
    if (event.actor && event.status !== 'not_started') {
      ctx.addIssue({ code: 'custom', path: ['actor'], message: 'actor may only be given with status not_started' });
    }
  });
export type ServiceStatusChangedEvent = z.infer<typeof ServiceStatusChangedEvent>;

// Register events: facts from the registers (population, pension, defence, disability). They open cases,
// steps and proactive offers for everyone they concern (see src/server/registers/events.ts).

const EventBase = {
  id: AgencyEventEnvelope.shape.id,
  occurredAt: AgencyEventEnvelope.shape.occurredAt,
};
const Name = safeText().trim().min(1).max(100);

const distinctCodes = (codes: string[]) => new Set(codes).size === codes.length;

export const BirthRegisteredEvent = z.strictObject({
  ...EventBase,
  type: z.literal('population.birth_registered'),
  /** The children born (twins: two), each with their own personal code. */
  children: z
    .array(z.strictObject({ personalCode: PersonalCode, givenName: Name, familyName: Name, birthDate: IsoDate }))
    .min(1)
    .max(8)
    .refine((c) => distinctCodes(c.map((x) => x.personalCode)), 'children must be different people'),
  /** The parents in the register's order (the mother first). */
  parents: z
    .array(z.strictObject({ personalCode: PersonalCode, role: z.enum(['mother', 'father', 'parent']) }))
    .min(1)
    .max(2)
    .refine((p) => distinctCodes(p.map((x) => x.personalCode)), 'the parents must be different people'),
});
export type BirthRegisteredEvent = z.infer<typeof BirthRegisteredEvent>;

export const MarriageRegisteredEvent = z.strictObject({
  ...EventBase,
  type: z.literal('population.marriage_registered'),
  spouses: z.array(PersonalCode).length(2).refine(distinctCodes, 'the spouses must be different people'),
  marriedOn: IsoDate,
});
export type MarriageRegisteredEvent = z.infer<typeof MarriageRegisteredEvent>;

export const DeathRegisteredEvent = z.strictObject({
  ...EventBase,
  type: z.literal('population.death_registered'),
  deceased: z.strictObject({ personalCode: PersonalCode, givenName: Name, familyName: Name, diedOn: IsoDate }),
  spousePersonalCode: PersonalCode.optional(),
  /** The deceased's children; minors get the survivor's allowance through the surviving spouse. */
  children: z
    .array(z.strictObject({ personalCode: PersonalCode, givenName: Name, familyName: Name, birthDate: IsoDate }))
    .max(20)
    .default([]),
});
export type DeathRegisteredEvent = z.infer<typeof DeathRegisteredEvent>;

export const ResidenceRegisteredEvent = z.strictObject({
  ...EventBase,
  type: z.literal('population.residence_registered'),
  personalCode: PersonalCode,
  givenName: Name,
  familyName: Name,
  /** ISO 3166-1 alpha-2. */
  citizenship: safeText().regex(/^[A-Z]{2}$/),
  municipality: Name,
  since: IsoDate,
  preferredLanguage: z.enum(['et', 'en', 'ru', 'uk']).optional(),
});
export type ResidenceRegisteredEvent = z.infer<typeof ResidenceRegisteredEvent>;

/** Either one person or a cohort by birth date (everyone born bornFrom–bornTo, at most 2 years). */
const PersonOrCohort = {
  personalCode: PersonalCode.optional(),
  cohort: z.strictObject({ bornFrom: IsoDate, bornTo: IsoDate }).optional(),
};
function oneTarget(
  event: { personalCode?: string; cohort?: { bornFrom: string; bornTo: string } },
  ctx: z.RefinementCtx,
) {
  if (!event.personalCode === !event.cohort) {
    ctx.addIssue({ code: 'custom', path: ['cohort'], message: 'give either personalCode or cohort' });
  }
  if (event.cohort) {
    const { bornFrom, bornTo } = event.cohort;
    const days = (Date.parse(bornTo) - Date.parse(bornFrom)) / 86_400_000;
    if (days < 0 || days > 731) {
      ctx.addIssue({ code: 'custom', path: ['cohort'], message: 'bornTo must be 0–731 days after bornFrom' });
    }
  }
}

export const PensionAgeApproachingEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('pension.age_approaching'),
    ...PersonOrCohort,
    /** The pension age of these people (Estonia: 65 from 2026, then linked to life expectancy). */
    pensionAge: z.strictObject({ years: z.number().int().min(60).max(70), months: z.number().int().min(0).max(11) }),
  })
  .superRefine(oneTarget);
export type PensionAgeApproachingEvent = z.infer<typeof PensionAgeApproachingEvent>;

export const CallUpAgeReachedEvent = z
  .strictObject({ ...EventBase, type: z.literal('defence.call_up_age_reached'), ...PersonOrCohort })
  .superRefine(oneTarget);
export type CallUpAgeReachedEvent = z.infer<typeof CallUpAgeReachedEvent>;

export const DisabilityAssessedEvent = z.strictObject({
  ...EventBase,
  type: z.literal('health.disability_assessed'),
  child: z.strictObject({ personalCode: PersonalCode, givenName: Name, familyName: Name, birthDate: IsoDate }),
  severity: z.enum(['moderate', 'severe', 'profound']),
  assessedOn: IsoDate,
  /** The child's legal representatives, the one who applied first. */
  parents: z.array(PersonalCode).min(1).max(2).refine(distinctCodes, 'the parents must be different people'),
});
export type DisabilityAssessedEvent = z.infer<typeof DisabilityAssessedEvent>;

/**
 * Who has parental rights over a child now (the population register): joint custody names both parents,
 * sole custody one; a parent left out has had their rights removed, and named again has them restored.
 */
export const CustodyChangedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('population.custody_changed'),
    child: PersonalCode,
    custody: z.enum(['joint', 'sole']),
    /** The parents with rights from now on. */
    parents: z.array(PersonalCode).min(1).max(2).refine(distinctCodes, 'the parents must be different people'),
  })
  .refine((e) => e.parents.length === (e.custody === 'joint' ? 2 : 1), {
    message: 'joint custody names two parents, sole custody one',
    path: ['parents'],
  })
  .refine((e) => !e.parents.includes(e.child), { message: 'a child is not their own parent', path: ['parents'] });
export type CustodyChangedEvent = z.infer<typeof CustodyChangedEvent>;

/** A court appointed guardians for an adult (all of them, from now on; an empty list ends the guardianship). */
export const GuardianshipChangedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('court.guardianship_changed'),
    ward: PersonalCode,
    guardians: z.array(PersonalCode).max(4).refine(distinctCodes, 'the guardians must be different people'),
    /** The last day of the appointment, when the court set one. */
    until: IsoDate.optional(),
  })
  .refine((e) => !e.guardians.includes(e.ward), { message: 'a ward is not their own guardian', path: ['guardians'] });
export type GuardianshipChangedEvent = z.infer<typeof GuardianshipChangedEvent>;

/** The `result` of a mandate event: parents or guardians with rights now, and mandates that ended. */
export const MandateEventResult = z.object({ holders: z.number().int(), ended: z.number().int() });
export type MandateEventResult = z.infer<typeof MandateEventResult>;
export const DATA_USED = 'data.used';

/** Words in every language, each at most `max` characters. */
const LocalizedUpTo = (max: number) =>
  z.strictObject({
    et: safeText().trim().min(1).max(max),
    en: safeText().trim().min(1).max(max),
    ru: safeText().trim().min(1).max(max),
    uk: safeText().trim().min(1).max(max),
  });

/**
 * `data.used`: the agency used data of a person (or of a cohort by birth date) from a register. The
 * register, the categories and the purpose are codes of the catalogues in src/server/data-uses/catalogue.ts
 * (the purpose one of the agency's own); `occurredAt` is when the data was used.
 */
export const DataUsedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal(DATA_USED),
    ...PersonOrCohort,
    register: safeText().min(1).max(64),
    categories: z.array(safeText().min(1).max(64)).min(1).max(20).refine(distinctCodes, 'each category once'),
    purpose: z.strictObject({
      code: safeText().min(1).max(64),
      /** The agency's own words besides the catalogue's, in every language. */
      text: LocalizedUpTo(500).optional(),
    }),
    legalBasis: z.strictObject({
      text: LocalizedUpTo(200),
      /** The act in the State Gazette (Riigi Teataja). */
      url: z.url({ protocol: /^https$/ }).max(500),
    }),
    /** The sub-service the use served; the person's offer or step of it is linked when there is one. */
    subServiceId: SubServiceId.optional(),
    /** Who in the agency used it: a department or office. */
    unit: safeText().trim().min(1).max(200).optional(),
  })
  .superRefine(oneTarget);
export type DataUsedEvent = z.infer<typeof DataUsedEvent>;

/** The `result` of `data.used`: entries recorded, and people named who do not use the service. */
export const DataUsedResult = z.object({ recorded: z.number().int(), skipped: z.number().int() });
export type DataUsedResult = z.infer<typeof DataUsedResult>;

export const DATA_USE_ANSWERED = 'data_use.answered';

/** `data_use.answered`: the agency answers a person's question about a use of their data (GET /api/agency/questions). */
export const DataUseAnsweredEvent = z.strictObject({
  ...EventBase,
  type: z.literal(DATA_USE_ANSWERED),
  questionId: z.uuid(),
  answer: safeText().trim().min(1).max(4000),
});
export type DataUseAnsweredEvent = z.infer<typeof DataUseAnsweredEvent>;

/** A question a person put to the agency about its use of their data (GET /api/agency/questions). */
export const AgencyQuestion = z.object({
  id: z.uuid(),
  dataUseId: z.uuid(),
  /** The agency's event that reported the use (for a rule's use, the register event the rule ran on). */
  eventId: safeText(),
  personalCode: safeText(),
  text: safeText(),
  language: safeText(),
  askedAt: safeDateTime(),
  /** The answer is due by then (30 days after asking). */
  dueBy: safeDateTime(),
  answer: safeText().nullable(),
  answeredAt: safeDateTime().nullable(),
});
export type AgencyQuestion = z.infer<typeof AgencyQuestion>;

/** A page of questions, oldest first; `next` is the `after` of the next page, null at the end. */
export const AgencyQuestionsPage = z.object({ questions: z.array(AgencyQuestion), next: safeText().nullable() });
export type AgencyQuestionsPage = z.infer<typeof AgencyQuestionsPage>;

/** The `result` of a register event: what it did, for the agency's log. */
export const RegisterEventResult = z.object({
  /** People of the event who use the service (others are not known here and are skipped). */
  people: z.number().int(),
  casesOpened: z.number().int(),
  offers: z.number().int(),
});
export type RegisterEventResult = z.infer<typeof RegisterEventResult>;

/** Every event type the API takes (more come as their handlers are added). */
export const AgencyEvent = z.discriminatedUnion('type', [
  ServiceStatusChangedEvent,
  BirthRegisteredEvent,
  MarriageRegisteredEvent,
  DeathRegisteredEvent,
  ResidenceRegisteredEvent,
  PensionAgeApproachingEvent,
  CallUpAgeReachedEvent,
  DisabilityAssessedEvent,
  CustodyChangedEvent,
  GuardianshipChangedEvent,
  DataUsedEvent,
  DataUseAnsweredEvent,
]);
export type AgencyEvent = z.infer<typeof AgencyEvent>;

/** The answer to an accepted event; a repeat of the same event gets the same answer with `replayed: true`. */
export const AgencyEventResponse = z.object({
  eventId: safeText(),
  type: safeText(),
  receivedAt: safeDateTime(),
  replayed: z.boolean(),
  result: z.record(safeText(), z.unknown()),
});
export type AgencyEventResponse = z.infer<typeof AgencyEventResponse>;

/** The `result` of `service.status_changed`. */
export const ServiceStatusChangedResult = z.object({
  caseId: z.uuid(),
  stepId: z.uuid(),
  from: StepStatus,
  to: StepStatus,
  caseState: CaseState,
});
export type ServiceStatusChangedResult = z.infer<typeof ServiceStatusChangedResult>;

/** Every error of the API: a stable code and an English message for the developer. */
export const ApiErrorBody = z.object({
  error: z.object({ code: safeText(), message: safeText() }),
});
