import type { Lang, Localized } from '../../contract/i18n';
import { LANGS } from '../../contract/langs';
import type { PrefilledField } from '../../contract/offers';
import type { Disability, PersonFacts } from './facts';
import { type Place, placeName } from './places';
import type { Condition, RegisterEventType, Role, Rule } from './schema';

/**
 * Evaluating rules for the people one event names, in TypeScript. Cohort events use the same rules
 * compiled to SQL (sql.ts); both read the conditions and templates in the same way, and a server test
 * checks that they agree.
 */

/**
 * A value for a `{{name}}` in a template: text as is, a date written per language, a text per
 * language, or a register's place of residence (written per language by places.ts).
 */
export type Var = { text: string } | { date: string } | { localized: Localized } | { place: Place };
export type Vars = Record<string, Var>;

/** A person the event concerns, in the event's order (the mother first). */
export interface Concerned {
  personId: string;
  role: Role;
  givenName: string;
  familyName: string;
  personalCode: string;
  facts: PersonFacts;
}

/** Whom an offer is about besides the person: a child. */
export interface Subject {
  personalCode: string;
  name: string;
  birthDate: string;
  disability?: Disability;
}

export interface RuleEvent {
  type: RegisterEventType;
  /** The date the conditions are judged on (the event's date in Estonia), YYYY-MM-DD. */
  date: string;
  concerned: Concerned[];
  subjects: Subject[];
  /** Whom the life event's case is about (the children born, the deceased), to find or open the case. */
  caseSubject?: string | null;
  /** Variables of the event (e.g. deceasedName); person and subject variables are added per decision. */
  vars?: Vars;
  /** Variables that depend on the person (e.g. pensionDate from the birth date). */
  personVars?: (person: Concerned) => Vars;
}

export interface Decision {
  rule: Rule;
  person: Concerned;
  subjects: Subject[];
  /** For the uniqueness of the offer: the subjects' personal codes, '' for none. */
  subjectKey: string;
  subjectName: string | null;
  /** The subject of the case the offer belongs to (see RuleEvent.caseSubject). */
  caseSubject: string | null;
  vars: Vars;
}

/** Whole years between two ISO dates (the age on `on` of someone born on `born`). */
export function ageOn(born: string, on: string): number {
  const [y1, m1, d1] = born.split('-').map(Number);
  const [y2, m2, d2] = on.split('-').map(Number);
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

function factValue(facts: PersonFacts, path: string): string | undefined {
  if (path === 'residence.country') return facts.residence?.country;
  const value = (facts as Record<string, unknown>)[path];
  return typeof value === 'string' ? value : undefined;
}

function within(age: number, c: { min?: number; under?: number }): boolean {
  return (c.min === undefined || age >= c.min) && (c.under === undefined || age < c.under);
}

/** Whether one condition holds for the person (and the subject, for conditions about the subject). */
export function holds(condition: Condition, person: Concerned, subject: Subject | undefined, date: string): boolean {
  switch (condition.kind) {
    case 'fact': {
      const value = factValue(person.facts, condition.path);
      const isIn = value !== undefined && condition.values.includes(value);
      return condition.op === 'in' ? isIn : !isIn;
    }
    case 'age': {
      const born = condition.of === 'person' ? person.facts.birthDate : subject?.birthDate;
      return born !== undefined && within(ageOn(born, date), condition);
    }
    case 'subject_disability':
      return subject?.disability !== undefined && condition.values.includes(subject.disability);
    case 'resident_since': {
      const since = person.facts.residence?.since;
      if (person.facts.residence?.country !== 'EE' || !since) return false;
      return ageOn(since, date) < condition.withinYears;
    }
  }
}

const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`.trim();

export function personVars(person: Concerned): Vars {
  const residence = person.facts.residence;
  return {
    personName: { text: fullName(person) },
    personalCode: { text: person.personalCode },
    birthDate: { date: person.facts.birthDate ?? '' },
    address: {
      place:
        residence?.municipality !== undefined
          ? { municipality: residence.municipality }
          : { country: residence?.country ?? '' },
    },
    bankAccount: { text: person.facts.bankAccount ?? '' },
  };
}

function subjectVars(subjects: Subject[]): Vars {
  const first = subjects[0];
  if (!first) return {};
  return {
    childName: { text: subjects.map((s) => s.name).join(', ') },
    childBirthDate: { date: first.birthDate },
    childPersonalCode: { text: subjects.map((s) => s.personalCode).join(', ') },
  };
}

/** The people of the event whose facts the rule reads to decide: those of its audience, alive. */
export function readBy(rule: Rule, event: RuleEvent): Concerned[] {
  if (!rule.triggers.includes(event.type)) return [];
  return event.concerned.filter((p) => rule.audience.includes(p.role) && !p.facts.diedOn);
}

/** The people the rule makes an offer to for this event, and for which subjects. */
export function evaluateRule(rule: Rule, event: RuleEvent): Decision[] {
  const candidates = readBy(rule, event);
  const units: Subject[][] =
    rule.per === 'subject' ? event.subjects.map((s) => [s]) : [event.subjects.length ? event.subjects : []];
  const decisions: Decision[] = [];
  for (const subjects of units) {
    const eligible = candidates.filter((person) =>
      rule.conditions.every((c) => holds(c, person, subjects[0], event.date)),
    );
    for (const person of rule.recipients === 'first_eligible' ? eligible.slice(0, 1) : eligible) {
      decisions.push({
        rule,
        person,
        subjects,
        subjectKey: subjects.map((s) => s.personalCode).join('+'),
        subjectName: subjects.length ? subjects.map((s) => s.name).join(', ') : null,
        caseSubject: event.caseSubject ?? null,
        vars: {
          eventDate: { date: event.date },
          ...event.vars,
          ...personVars(person),
          ...event.personVars?.(person),
          ...subjectVars(subjects),
        },
      });
    }
  }
  return decisions;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date in running text: 3 March 2026 in English, 03.03.2026 in the others (as Estonian documents write it). */
export function formatDateFor(lang: Lang | 'field' | 'iso', iso: string): string {
  if (!iso || lang === 'iso') return iso;
  const [y, m, d] = iso.split('-');
  if (lang === 'en') return `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}`;
  return `${d}.${m}.${y}`;
}

function varText(v: Var | undefined, lang: Lang | 'field' | 'iso'): string {
  if (!v) return '';
  if ('text' in v) return v.text;
  if ('date' in v) return formatDateFor(lang, v.date);
  if ('place' in v) return lang === 'iso' ? placeName(v.place, 'field') : placeName(v.place, lang);
  return v.localized[lang === 'field' || lang === 'iso' ? 'et' : lang];
}

export const TEMPLATE_VARIABLE = /\{\{\s*(\w+)\s*\}\}/g;

export function renderText(template: string, vars: Vars, lang: Lang | 'field' | 'iso'): string {
  return template.replace(TEMPLATE_VARIABLE, (_, name: string) => varText(vars[name], lang));
}

export function renderLocalized(template: Localized, vars: Vars): Localized {
  return Object.fromEntries(LANGS.map((lang) => [lang, renderText(template[lang], vars, lang)])) as Localized;
}

const BOUND = /^\{\{\s*(\w+)\s*\}\}(?:\s*([+-]\d+))?$/;

/** A date field's min or max: a date variable, plus or minus whole days; null when the rule sets none or the register has no date. */
export function renderBound(bound: string | undefined, vars: Vars): string | null {
  if (!bound) return null;
  const match = BOUND.exec(bound.trim());
  if (!match) return /^\d{4}-\d{2}-\d{2}$/.test(bound) ? bound : null;
  const v = vars[match[1]];
  if (!v || !('date' in v) || !v.date) return null;
  const date = new Date(`${v.date}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + Number(match[2] ?? 0));
  return date.toISOString().slice(0, 10);
}

/**
 * The prefilled fields of the rule's offer, values filled in from the registers. A field the
 * registers have no value for names no source: the person is asked for it.
 */
export function renderFields(rule: Rule, vars: Vars): PrefilledField[] {
  return rule.fields.map((f) => {
    const value = renderText(f.value, vars, f.type === 'date' ? 'iso' : 'field').trim();
    return {
      key: f.key,
      label: f.label,
      type: f.type,
      min: f.type === 'date' ? renderBound(f.min, vars) : null,
      max: f.type === 'date' ? renderBound(f.max, vars) : null,
      value,
      source: value ? f.source : null,
      editable: f.editable,
    };
  });
}

/** The names of the variables the rule's texts use (the field values and bounds, and the data basis). */
export function templateVariables(rule: Rule): string[] {
  const texts = [...rule.fields.flatMap((f) => [f.value, f.min ?? '', f.max ?? '']), ...Object.values(rule.dataBasis)];
  return [...new Set(texts.flatMap((text) => [...text.matchAll(TEMPLATE_VARIABLE)].map((m) => m[1])))].sort();
}

/** What an offer keeps of the decision's variables: the ones its rule's texts use. */
export function offerVars(rule: Rule, vars: Vars): Vars {
  return Object.fromEntries(templateVariables(rule).map((name) => [name, vars[name] ?? { text: '' }]));
}
