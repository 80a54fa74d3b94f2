import type { z } from 'zod';
import {
  BirthRegisteredEvent,
  CallUpAgeReachedEvent,
  DeathRegisteredEvent,
  DisabilityAssessedEvent,
  MarriageRegisteredEvent,
  PensionAgeApproachingEvent,
  type RegisterEventResult,
  ResidenceRegisteredEvent,
} from '../../contract/agency-events';
import { addToDate, tallinnDate } from '../../contract/dates';
import type { Localized } from '../../contract/i18n';
import { parsePersonalCode } from '../../contract/isikukood';
import { type AgencyEventContext, defineAgencyEventHandler } from '../agency/events';
import { changeStep, ensureCase } from '../cases/store';
import { recordRuleUses } from '../data-uses/rule-uses';
import type { Queryable } from '../db/database';
import { sql } from '../db/sql';
import { ApiError } from '../errors';
import { parentalRightsUntil, setRegisterMandates } from '../mandates/store';
import { applyCohort } from '../offers/cohort';
import { applyDecisions } from '../offers/engine';
import { rulesFor } from '../rules';
import { type Concerned, evaluateRule, type RuleEvent, readBy, type Subject, type Vars } from '../rules/evaluate';
import { type ChildFact, type PersonFacts, readFacts } from '../rules/facts';
import type { RegisterEventType, Role } from '../rules/schema';
import type { SqlVar } from '../rules/sql';
import { section } from '../rules/texts';

/**
 * Register events: what a register tells the state about people (a birth, a marriage, a death, a
 * newcomer's residence, pension or call-up age, a disability assessed). Each handler, in the event's
 * one transaction: keeps the facts of the people concerned up to date, opens or advances the case of
 * the life event for each of them, and runs the rules the event triggers, recording each rule's reading of
 * each person's facts as a use of their data (data-uses/rule-uses.ts). People the event names who
 * do not use the service are skipped (the result counts those who do).
 *
 * Only the agency that keeps the register may post its events (checked besides the key's scopes).
 */
export const REGISTER_KEEPERS: Record<RegisterEventType, readonly string[]> = {
  'population.birth_registered': ['siseministeerium'],
  'population.marriage_registered': ['siseministeerium'],
  'population.death_registered': ['siseministeerium'],
  'population.residence_registered': ['siseministeerium'],
  'pension.age_approaching': ['ska'],
  'defence.call_up_age_reached': ['kaitseressursside-amet'],
  'health.disability_assessed': ['ska', 'sotsiaalministeerium'],
};

function checkKeeper(type: RegisterEventType, ctx: AgencyEventContext) {
  if (!REGISTER_KEEPERS[type].includes(ctx.agencyId)) {
    throw new ApiError(403, 'out_of_scope', `${type} events come from ${REGISTER_KEEPERS[type].join(' or ')}`);
  }
}

const CLOCK_SKEW_MS = 5 * 60 * 1000;

export function checkNotFuture(occurredAt: string, ctx: AgencyEventContext) {
  if (Date.parse(occurredAt) > ctx.receivedAt.getTime() + CLOCK_SKEW_MS) {
    throw new ApiError(422, 'occurred_in_future', `occurredAt ${occurredAt} is in the future`);
  }
}

interface KnownPerson {
  id: string;
  personal_code: string;
  given_name: string;
  family_name: string;
  facts: unknown;
}

/** The people with these codes who use the service, locked for the event, in the order of `codes`. */
async function known(tx: Queryable, codes: string[]): Promise<Map<string, KnownPerson>> {
  const { rows } = await tx.query<KnownPerson>(
    `SELECT id, personal_code, given_name, family_name, facts FROM persons WHERE personal_code = ANY($1::text[])
     ORDER BY id FOR UPDATE`,
    [codes],
  );
  return new Map(rows.map((r) => [r.personal_code, r]));
}

const concerned = (p: KnownPerson, role: Role, facts: PersonFacts = readFacts(p.facts)): Concerned => ({
  personId: p.id,
  role,
  givenName: p.given_name,
  familyName: p.family_name,
  personalCode: p.personal_code,
  facts,
});

async function saveFacts(tx: Queryable, personId: string, facts: PersonFacts) {
  await tx.query('UPDATE persons SET facts = $2 WHERE id = $1', [personId, facts]);
}

function withChild(facts: PersonFacts, child: ChildFact): PersonFacts {
  const children = (facts.children ?? []).filter((c) => c.personalCode !== child.personalCode);
  const before = (facts.children ?? []).find((c) => c.personalCode === child.personalCode);
  return { ...facts, children: [...children, { ...before, ...child }] };
}

/**
 * The person's case of the life event (opened if none is active for the subject), with the step the
 * register event itself settles moved to completed. Returns whether the case was opened.
 */
async function registerInCase(
  tx: Queryable,
  person: Concerned,
  open: { eventServiceId: string; subjectName: string | null; completes: string; reason: Localized },
  at: Date,
  eventId: string,
): Promise<boolean> {
  const c = await ensureCase(tx, person.personId, open.eventServiceId, open.subjectName, at);
  const { rows } = await tx.query<{ id: string; status: string; updated_at: Date | string }>(
    'SELECT id, status, updated_at FROM steps WHERE case_id = $1 AND sub_service_id = $2',
    [c.caseId, open.completes],
  );
  const step = rows[0];
  if (step && !['completed', 'declined', 'not_applicable'].includes(step.status)) {
    const when = new Date(Math.max(at.getTime(), new Date(step.updated_at).getTime()));
    await changeStep(tx, step.id, { status: 'completed', reason: open.reason, at: when, agencyEventId: eventId });
  }
  return c.opened;
}

async function runRules(
  tx: Queryable,
  event: RuleEvent,
  ctx: AgencyEventContext,
  eventId: string,
  opensCase = true,
): Promise<number> {
  const apply = { eventId, now: ctx.receivedAt, opensCase };
  let offers = 0;
  for (const rule of rulesFor(event.type)) {
    offers += await applyDecisions(tx, evaluateRule(rule, event), apply);
    const read = readBy(rule, event).map((p) => p.personId);
    await recordRuleUses(tx, rule, read, eventId, ctx.receivedAt);
  }
  return offers;
}

/** The reason in the history of the step a register event settles. */
const REASON = section('register_events.reasons', ['birth', 'marriage', 'death', 'residence', 'disability']);

/** The degree of disability, as the offer's severity field says it. */
const SEVERITY = section('register_events.severity', ['moderate', 'severe', 'profound']);

const result = (people: number, casesOpened: number, offers: number): RegisterEventResult => ({
  people,
  casesOpened,
  offers,
});

function checkEvent(ctx: AgencyEventContext, event: { type: RegisterEventType; occurredAt: string }) {
  checkKeeper(event.type, ctx);
  checkNotFuture(event.occurredAt, ctx);
}

/** What an event about named people did to their facts, and what follows for them. */
interface Registered {
  /** The people the event concerns who use the service, with their facts as the event left them. */
  concerned: Concerned[];
  /** The life event whose case each of them has, and the step the event settles in it (none: no case). */
  cases?: {
    eventServiceId: string;
    completes: string;
    reason: Localized;
    subjectName: (person: Concerned) => string | null;
  };
  /** What the rules judge besides the event's type and the people concerned. */
  rules: Omit<RuleEvent, 'type' | 'concerned'>;
}

/**
 * The handler of an event that names people (a birth, a marriage, a death, a residence, a disability):
 * `register` locks the people it names, keeps their facts and says who is concerned; then, in the same
 * transaction, their cases are opened or advanced and the rules the event triggers are run.
 */
function namedPeopleEvent<E extends { id: string; type: RegisterEventType; occurredAt: string }>(
  schema: z.ZodType<E>,
  register: (tx: Queryable, event: E, ctx: AgencyEventContext) => Promise<Registered>,
) {
  return defineAgencyEventHandler<E>({
    schema,
    async handle(tx, ctx, event) {
      checkEvent(ctx, event);
      const { concerned, cases, rules } = await register(tx, event, ctx);
      let opened = 0;
      for (const person of cases ? concerned : []) {
        const open = { ...cases!, subjectName: cases!.subjectName(person) };
        if (await registerInCase(tx, person, open, ctx.receivedAt, event.id)) opened += 1;
      }
      const offers = await runRules(tx, { type: event.type, concerned, ...rules }, ctx, event.id);
      return result(concerned.length, opened, offers);
    },
  });
}

const nameOf = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

const childSubjects = (
  children: { personalCode: string; givenName: string; familyName: string; birthDate: string }[],
) => children.map((c): Subject => ({ personalCode: c.personalCode, name: nameOf(c), birthDate: c.birthDate }));

/** The parents who use the service get parental rights over each child who does (a child's own data). */
async function grantParentalRights(
  tx: Queryable,
  event: BirthRegisteredEvent,
  parents: Concerned[],
  ctx: AgencyEventContext,
) {
  const children = await known(
    tx,
    event.children.map((c) => c.personalCode),
  );
  for (const child of children.values()) {
    await setRegisterMandates(
      tx,
      {
        kind: 'parent',
        subjectId: child.id,
        actorIds: parents.map((p) => p.personId),
        validUntil: await parentalRightsUntil(tx, child.id, child.personal_code),
        eventId: event.id,
      },
      ctx.receivedAt,
    );
  }
}

export const birthRegistered = namedPeopleEvent(BirthRegisteredEvent, async (tx, event, ctx) => {
  const people = await known(
    tx,
    event.parents.map((p) => p.personalCode),
  );
  const parents: Concerned[] = [];
  for (const p of event.parents) {
    const person = people.get(p.personalCode);
    if (!person) continue;
    let facts = readFacts(person.facts);
    for (const c of event.children) {
      facts = withChild(facts, { personalCode: c.personalCode, givenName: c.givenName, birthDate: c.birthDate });
    }
    await saveFacts(tx, person.id, facts);
    parents.push(concerned(person, 'parent', facts));
  }
  await grantParentalRights(tx, event, parents, ctx);
  const subjects = childSubjects(event.children);
  const subjectName = subjects.map((s) => s.name).join(', ');
  return {
    concerned: parents,
    cases: {
      eventServiceId: 'having-a-child',
      completes: 'child-birth-registration',
      reason: REASON.birth,
      subjectName: () => subjectName,
    },
    rules: { date: event.children[0].birthDate, subjects, caseSubject: subjectName },
  };
});

export const marriageRegistered = namedPeopleEvent(MarriageRegisteredEvent, async (tx, event) => {
  const people = await known(tx, event.spouses);
  const spouses: Concerned[] = [];
  /** Each spouse's case is about the other, when the other uses the service too. */
  const partnerName = new Map<string, string>();
  for (const [i, code] of event.spouses.entries()) {
    const person = people.get(code);
    if (!person) continue;
    const facts: PersonFacts = {
      ...readFacts(person.facts),
      maritalStatus: 'married',
      spousePersonalCode: event.spouses[1 - i],
    };
    await saveFacts(tx, person.id, facts);
    const other = people.get(event.spouses[1 - i]);
    if (other) partnerName.set(code, `${other.given_name} ${other.family_name}`);
    spouses.push(concerned(person, 'spouse', facts));
  }
  return {
    concerned: spouses,
    cases: {
      eventServiceId: 'marriage',
      completes: 'marriage-registration',
      reason: REASON.marriage,
      subjectName: (p) => partnerName.get(p.personalCode) ?? null,
    },
    rules: { date: event.marriedOn, subjects: [] },
  };
});

export const deathRegistered = namedPeopleEvent(DeathRegisteredEvent, async (tx, event) => {
  const { deceased } = event;
  const codes = [deceased.personalCode, ...(event.spousePersonalCode ? [event.spousePersonalCode] : [])];
  const people = await known(tx, [...codes, ...event.children.map((c) => c.personalCode)]);
  const survivors: Concerned[] = [];
  const self = people.get(deceased.personalCode);
  if (self) await saveFacts(tx, self.id, { ...readFacts(self.facts), diedOn: deceased.diedOn });
  const spouse = event.spousePersonalCode ? people.get(event.spousePersonalCode) : undefined;
  if (spouse) {
    const facts: PersonFacts = { ...readFacts(spouse.facts), maritalStatus: 'widowed' };
    delete facts.spousePersonalCode;
    await saveFacts(tx, spouse.id, facts);
    survivors.push(concerned(spouse, 'spouse', facts));
  }
  const onDeath = tallinnDate(new Date(`${deceased.diedOn}T12:00:00Z`));
  for (const c of event.children) {
    const child = people.get(c.personalCode);
    // Adult children who use the service see the life event too; minors are looked after by the spouse.
    if (child && addToDate(c.birthDate, 18) <= onDeath) survivors.push(concerned(child, 'child'));
  }
  const deceasedName = nameOf(deceased);
  return {
    concerned: survivors,
    cases: {
      eventServiceId: 'death-of-close-one',
      completes: 'death-registration',
      reason: REASON.death,
      subjectName: () => deceasedName,
    },
    rules: {
      date: deceased.diedOn,
      subjects: childSubjects(event.children),
      vars: { deceasedName: { text: deceasedName }, deathDate: { date: deceased.diedOn } },
      caseSubject: deceasedName,
    },
  };
});

export const residenceRegistered = namedPeopleEvent(ResidenceRegisteredEvent, async (tx, event) => {
  const info = parsePersonalCode(event.personalCode)!;
  // A newcomer is new here too: the population register's entry makes them a person of the service.
  await tx.query(
    `INSERT INTO persons (personal_code, given_name, family_name, preferred_language, facts)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (personal_code) DO NOTHING`,
    [
      event.personalCode,
      event.givenName,
      event.familyName,
      event.preferredLanguage ?? 'et',
      { sex: info.sex, birthDate: info.birthDate, children: [] },
    ],
  );
  const person = (await known(tx, [event.personalCode])).get(event.personalCode)!;
  const before = readFacts(person.facts);
  const facts: PersonFacts = {
    ...before,
    sex: before.sex ?? info.sex,
    birthDate: before.birthDate ?? info.birthDate,
    citizenship: event.citizenship,
    residence: { country: 'EE', municipality: event.municipality, since: event.since },
  };
  await saveFacts(tx, person.id, facts);
  // Someone who has just come to live in Estonia, not a move within it, starts "settling in".
  const arrived = before.residence?.country !== 'EE' && event.citizenship !== 'EE';
  return {
    concerned: [concerned(person, 'person', facts)],
    cases: arrived
      ? {
          eventServiceId: 'settling-in-estonia',
          completes: 'settling-address-registration',
          reason: REASON.residence,
          subjectName: () => null,
        }
      : undefined,
    rules: {
      date: tallinnDate(new Date(event.occurredAt)),
      subjects: [],
      vars: { residentSince: { date: event.since } },
    },
  };
});

export const disabilityAssessed = namedPeopleEvent(DisabilityAssessedEvent, async (tx, event) => {
  const people = await known(tx, event.parents);
  const parents: Concerned[] = [];
  const child: ChildFact = {
    personalCode: event.child.personalCode,
    givenName: event.child.givenName,
    birthDate: event.child.birthDate,
    disability: event.severity,
  };
  for (const code of event.parents) {
    const person = people.get(code);
    if (!person) continue;
    const facts = withChild(readFacts(person.facts), child);
    await saveFacts(tx, person.id, facts);
    parents.push(concerned(person, 'parent', facts));
  }
  const subject: Subject = {
    personalCode: child.personalCode,
    name: nameOf(event.child),
    birthDate: child.birthDate,
    disability: event.severity,
  };
  return {
    concerned: parents,
    cases: {
      eventServiceId: 'child-with-health-impairment',
      completes: 'child-disability-assessment',
      reason: REASON.disability,
      subjectName: () => subject.name,
    },
    rules: {
      date: event.assessedOn,
      subjects: [subject],
      caseSubject: subject.name,
      vars: { severity: { localized: SEVERITY[event.severity] }, assessedOn: { date: event.assessedOn } },
    },
  };
});

type AnnouncingEvent = z.infer<typeof PensionAgeApproachingEvent> | z.infer<typeof CallUpAgeReachedEvent>;

/**
 * The handler of an event that names one person or a cohort by birth date: the person's through the
 * rules one by one; the cohort's set-based and in slices (cohort.ts), as a large event.
 */
function personOrCohort<E extends AnnouncingEvent>(
  schema: z.ZodType<E>,
  personVars: (event: E) => (p: Concerned) => Vars,
  cohort: (event: E) => Record<string, SqlVar>,
) {
  const date = (event: E) => tallinnDate(new Date(event.occurredAt));
  return defineAgencyEventHandler<E>({
    schema,
    async handle(tx, ctx, event) {
      checkEvent(ctx, event);
      const person = (await known(tx, [event.personalCode!])).get(event.personalCode!);
      if (!person) throw new ApiError(404, 'unknown_person', 'No person with this personal code uses the service');
      const offers = await runRules(
        tx,
        {
          type: event.type,
          date: date(event),
          concerned: [concerned(person, 'person')],
          subjects: [],
          personVars: personVars(event),
        },
        ctx,
        event.id,
        false,
      );
      return result(1, 0, offers);
    },
    large: {
      applies: (event) => event.cohort !== undefined,
      check: checkEvent,
      async handle(db, ctx, event) {
        const done = await applyCohort(db, event.type, {
          eventId: event.id,
          bornFrom: event.cohort!.bornFrom,
          bornTo: event.cohort!.bornTo,
          date: date(event),
          now: ctx.receivedAt,
          vars: cohort(event),
        });
        return result(done.people, 0, done.offers);
      },
    },
  });
}

/** A cohort's pension date, from each birth date (the target row `t`) and the pension age. */
export const pensionCohortVars = ({
  pensionAge: { years, months },
}: Pick<PensionAgeApproachingEvent, 'pensionAge'>) => ({
  pensionDate: {
    date: sql`((t.facts->>'birthDate')::date + make_interval(years => ${years}::int, months => ${months}::int))::date`,
  },
});

export const pensionAgeApproaching = personOrCohort(
  PensionAgeApproachingEvent,
  ({ pensionAge: { years, months } }) =>
    (p) => ({ pensionDate: { date: p.facts.birthDate ? addToDate(p.facts.birthDate, years, months) : '' } }),
  pensionCohortVars,
);

export const callUpAgeReached = personOrCohort(
  CallUpAgeReachedEvent,
  () => () => ({}),
  () => ({}),
);

/** Every register event type with its handler, for src/server/agency/handlers.ts. */
export const registerEventHandlers = {
  'population.birth_registered': birthRegistered,
  'population.marriage_registered': marriageRegistered,
  'population.death_registered': deathRegistered,
  'population.residence_registered': residenceRegistered,
  'pension.age_approaching': pensionAgeApproaching,
  'defence.call_up_age_reached': callUpAgeReached,
  'health.disability_assessed': disabilityAssessed,
} satisfies Record<RegisterEventType, unknown>;
