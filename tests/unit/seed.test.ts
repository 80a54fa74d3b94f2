import { describe, expect, it } from 'vitest';
import { Catalogue } from '../../src/contract/catalogue';
import { parsePersonalCode } from '../../src/contract/isikukood';
import { agencies, eventServices } from '../../src/server/seed/catalogue';
import { demoPeople } from '../../src/server/seed/people';

describe('demo catalogue', () => {
  it('is valid: every text in four languages, known agencies, unique ids', () => {
    expect(() => Catalogue.parse({ agencies, eventServices })).not.toThrow();
    expect(eventServices).toHaveLength(8);
  });

  it('has core, optional and exceptional sub-services', () => {
    const kinds = new Set(eventServices.flatMap((es) => es.subServices.map((s) => s.kind)));
    expect([...kinds].sort()).toEqual(['convenience', 'core', 'exception']);
  });
});

describe('demo people', () => {
  it('have valid personal codes that match their birth date and sex, and so do their children', () => {
    for (const person of demoPeople) {
      expect(parsePersonalCode(person.personalCode), person.givenName).toEqual({
        birthDate: person.facts.birthDate,
        sex: person.facts.sex,
      });
      for (const child of person.facts.children) {
        expect(parsePersonalCode(child.personalCode)?.birthDate, child.givenName).toBe(child.birthDate);
      }
    }
  });

  it('cover the life situations the demo needs', () => {
    const facts = demoPeople.map((p) => p.facts);
    expect(facts.some((f) => f.maritalStatus === 'widowed')).toBe(true);
    expect(facts.some((f) => f.citizenship !== 'EE')).toBe(true);
    expect(facts.some((f) => f.children.some((c) => c.disability))).toBe(true);
    expect(facts.some((f) => f.birthDate.startsWith('2008'))).toBe(true);
    expect(new Set(demoPeople.map((p) => p.preferredLanguage)).size).toBe(4);
  });
});
