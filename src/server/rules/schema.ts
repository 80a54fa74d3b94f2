import { z } from 'zod';
import { FIELD_TYPES } from '../../contract/fields';
import { Localized } from '../../contract/i18n';
import { LegalBasisUrl, OfferKind } from '../../contract/offers';

/**
 * A rule, one per proactive sub-service, as data: which register events trigger it, whom of the
 * people an event concerns it is for, the conditions on their facts, and the offer it makes. Rules are
 * parsed with `Rule` when the server starts (src/server/rules/index.ts): a bad rule stops the start.
 */

/** Register events that may trigger a rule (see src/contract/agency-events.ts). */
export const REGISTER_EVENT_TYPES = [
  'population.birth_registered',
  'population.marriage_registered',
  'population.death_registered',
  'population.residence_registered',
  'pension.age_approaching',
  'defence.call_up_age_reached',
  'health.disability_assessed',
] as const;
export const RegisterEventType = z.enum(REGISTER_EVENT_TYPES);
export type RegisterEventType = z.infer<typeof RegisterEventType>;

/** Events that may name a whole cohort (by birth date) instead of people: their rules must compile to SQL. */
export const COHORT_EVENT_TYPES: readonly RegisterEventType[] = [
  'pension.age_approaching',
  'defence.call_up_age_reached',
];

/**
 * How a person is concerned by an event: `person` the one it is about (pension age, call-up age, a
 * newcomer), `parent` of the child born or assessed, `spouse` (both spouses of a marriage; the surviving
 * spouse of a death), `child` (an adult child of the deceased).
 */
export const Role = z.enum(['person', 'parent', 'spouse', 'child']);
export type Role = z.infer<typeof Role>;

/** Facts of persons.facts a condition may test (see PersonFacts in src/server/rules/facts.ts). */
export const FACT_PATHS = ['sex', 'citizenship', 'residence.country', 'maritalStatus'] as const;
export const FactPath = z.enum(FACT_PATHS);
export type FactPath = z.infer<typeof FactPath>;

export const Condition = z.discriminatedUnion('kind', [
  /** A fact of the person is (op in) or is not (op not_in) one of the values; a missing fact is none of them. */
  z.strictObject({
    kind: z.literal('fact'),
    path: FactPath,
    op: z.enum(['in', 'not_in']),
    values: z.array(z.string().min(1)).min(1),
  }),
  /** Age in whole years on the event's date: at least `min`, and under `under`. */
  z
    .strictObject({
      kind: z.literal('age'),
      of: z.enum(['person', 'subject']),
      min: z.number().int().min(0).optional(),
      under: z.number().int().positive().optional(),
    })
    .refine((c) => c.min !== undefined || c.under !== undefined, 'an age condition needs min or under'),
  /** The subject (the child) has a disability of one of these severities. */
  z.strictObject({
    kind: z.literal('subject_disability'),
    values: z.array(z.enum(['moderate', 'severe', 'profound'])).min(1),
  }),
  /** The person's residence in Estonia began less than this many years before the event. */
  z.strictObject({ kind: z.literal('resident_since'), withinYears: z.number().int().positive() }),
]);
export type Condition = z.infer<typeof Condition>;

/** A template: `{{name}}` is replaced by a variable of the event (see RuleVariables in evaluate.ts). */
const Template = Localized;

export const FieldSpec = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: Localized,
  /** The value's type, checked on the phone and the server; a date field's value is written YYYY-MM-DD. */
  type: z.enum(FIELD_TYPES).default('text'),
  /** `{{variable}}` or text with variables; a date variable is written DD.MM.YYYY (YYYY-MM-DD in a date field). */
  value: z.string(),
  /** Dates: the first and last date allowed, a `{{dateVariable}}`, or `{{dateVariable}}+N` days. */
  min: z.string().optional(),
  max: z.string().optional(),
  /** The register the value comes from (said only when the register has a value). */
  source: Localized,
  editable: z.boolean(),
});
export type FieldSpec = z.infer<typeof FieldSpec>;

export const Rule = z
  .strictObject({
    /** Equals the sub-service id: one rule per proactive sub-service. */
    id: z.string().regex(/^[a-z0-9-]+$/),
    subServiceId: z.string(),
    /** The event service (life event) whose case the offer opens or advances. */
    eventServiceId: z.string(),
    /** The agency that provides the sub-service and makes the offer. */
    agencyId: z.string(),
    triggers: z.array(RegisterEventType).min(1),
    /** Whom of the people the event concerns the rule is for. */
    audience: z.array(Role).min(1),
    /** One offer per event, or one per subject (per child: twins get two). */
    per: z.enum(['event', 'subject']),
    /** Everyone eligible gets an offer, or only the first eligible in the event's order (mother first). */
    recipients: z.enum(['each', 'first_eligible']),
    conditions: z.array(Condition),
    /** `duty` for a legal obligation (the call-up): the person checks and corrects details, and cannot say no. */
    kind: OfferKind,
    /** A duty's heading, as what it is ("You are called up to conscript service"). */
    heading: Localized.optional(),
    /** Offers: what happens if the person declines, and if the deadline passes without an answer. */
    consequences: z.strictObject({ decline: Localized, deadline: Localized }).optional(),
    /** Whether the person may take a decline back while the offer is open. */
    undoDecline: z.boolean().default(false),
    /** The routes the law gives besides (a duty's deferral, alternative service): the agency's pages. */
    links: z.array(z.strictObject({ label: Localized, url: z.url() })).default([]),
    /** Days from the event's receipt to the deadline (accept by / decline by). */
    deadlineDays: z.number().int().min(1).max(366),
    fields: z.array(FieldSpec),
    legalBasis: Localized,
    /** The act (and section) in Riigi Teataja; null where no address was verified. */
    legalBasisUrl: LegalBasisUrl,
    dataBasis: Template,
  })
  .superRefine((rule, ctx) => {
    if (rule.id !== rule.subServiceId)
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'id must equal subServiceId' });
    const keys = rule.fields.map((f) => f.key);
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: 'custom', path: ['fields'], message: 'field keys must be unique' });
    const duty = rule.kind === 'duty';
    if (duty && (!rule.heading || rule.consequences || rule.undoDecline))
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'a duty has a heading, and no decline or its consequences',
      });
    if (!duty && (!rule.consequences || rule.heading))
      ctx.addIssue({
        code: 'custom',
        path: ['consequences'],
        message: 'an offer says what a decline and a missed deadline mean',
      });
    const usesSubject =
      rule.per === 'subject' ||
      rule.conditions.some((c) => c.kind === 'subject_disability' || (c.kind === 'age' && c.of === 'subject'));
    if (rule.triggers.some((t) => COHORT_EVENT_TYPES.includes(t))) {
      if (usesSubject || rule.audience.join() !== 'person' || rule.recipients !== 'each') {
        ctx.addIssue({
          code: 'custom',
          path: ['triggers'],
          message: 'a rule triggered by a cohort event must be about the person alone (audience person, no subject)',
        });
      }
    }
  });
export type Rule = z.infer<typeof Rule>;
export type RuleInput = z.input<typeof Rule>;
