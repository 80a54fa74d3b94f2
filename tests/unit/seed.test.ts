import { describe, expect, it } from 'vitest';
import { Catalogue } from '../../src/contract/catalogue';
import { parsePersonalCode } from '../../src/contract/isikukood';
import { loadCatalogue } from '../../src/server/seed/catalogue';
import { DEMO_CODES_BEFORE_YEAR, demoCodes, demoPeople } from '../../src/server/seed/people';

const { agencies, eventServices } = loadCatalogue();

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
  it('have valid personal codes that no living person has: born before 1850, on their birth day, of their sex', () => {
    const reserved = (code: string, birthDate: string, sex?: string) => {
      const info = parsePersonalCode(code);
      expect(info, code).not.toBeNull();
      expect(Number(info?.birthDate.slice(0, 4)), code).toBeLessThan(DEMO_CODES_BEFORE_YEAR);
      expect(info?.birthDate.slice(5), code).toBe(birthDate.slice(5));
      if (sex) expect(info?.sex, code).toBe(sex);
    };
    for (const person of demoPeople) {
      reserved(person.personalCode, person.facts.birthDate, person.facts.sex);
      for (const child of person.facts.children) reserved(child.personalCode, child.birthDate);
    }
    expect(demoCodes.kadri).toBe('24304142717');
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
