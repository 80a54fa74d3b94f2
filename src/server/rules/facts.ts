import { z } from 'zod';

/**
 * What the server knows about a person from the registers (persons.facts, jsonb). Register events keep
 * it up to date (src/server/registers/events.ts); rules test it. The demo people's facts
 * (src/server/seed/people.ts) have this shape.
 */
export const Disability = z.enum(['moderate', 'severe', 'profound']);
export type Disability = z.infer<typeof Disability>;

export const ChildFact = z.object({
  personalCode: z.string(),
  givenName: z.string(),
  birthDate: z.string(),
  disability: Disability.optional(),
});
export type ChildFact = z.infer<typeof ChildFact>;

export const PersonFacts = z.looseObject({
  sex: z.enum(['male', 'female']).optional(),
  birthDate: z.string().optional(),
  citizenship: z.string().optional(),
  residence: z
    .object({ country: z.string(), municipality: z.string().optional(), since: z.string().optional() })
    .optional(),
  maritalStatus: z.enum(['single', 'married', 'divorced', 'widowed']).optional(),
  spousePersonalCode: z.string().optional(),
  children: z.array(ChildFact).optional(),
  /** Set by population.death_registered: nobody offers the deceased anything. */
  diedOn: z.string().optional(),
  /** IBAN, where a register (the Social Insurance Board's) has it. */
  bankAccount: z.string().optional(),
});
export type PersonFacts = z.infer<typeof PersonFacts>;

/** Reads a facts column leniently: a fact that does not parse counts as unknown, never as an error. */
export function readFacts(value: unknown): PersonFacts {
  const parsed = PersonFacts.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}
