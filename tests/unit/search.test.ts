import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/contract/langs';
import { foldForSearch, matchesQuery, searchServices } from '../../src/data/search';
import SEARCH_WORDS from '../../src/data/search-words.json';
import { loadCatalogue } from '../../src/server/seed/catalogue';

const { eventServices } = loadCatalogue();

describe('service search', () => {
  it('ignores diacritics and case: "sunni" finds "Sünni"', () => {
    expect(matchesQuery('sunni', ['Sünni registreerimine'])).toBe(true);
    expect(matchesQuery('SÜNNI', ['sünni registreerimine'])).toBe(true);
    expect(matchesQuery('oigus', ['Õigusabi'])).toBe(true);
  });

  it('needs every word of the query', () => {
    expect(matchesQuery('lapse pension', ['Lapsetoetus', 'lapse saamine'])).toBe(false);
    expect(matchesQuery('lapse toetus', ['Lapsetoetus'])).toBe(true);
    expect(matchesQuery('lapse saamine', ['Lapse saamine'])).toBe(true);
  });

  it('matches everything for an empty query', () => {
    expect(matchesQuery('   ', ['anything'])).toBe(true);
  });

  it('works in Cyrillic', () => {
    expect(matchesQuery('пособие', ['Пособие на ребёнка'])).toBe(true);
    expect(foldForSearch('Її')).toBe('іі');
  });
});

describe('search by everyday words, in four languages', () => {
  const found = (query: string, lang: Lang) =>
    searchServices(query, eventServices, (l) => l[lang]).map(({ es }) => es.id);

  it.each([
    ['uk', 'тимчасовий захист', 'settling-in-estonia'],
    ['uk', 'біженець', 'settling-in-estonia'],
    ['uk', 'мова', 'settling-in-estonia'],
    ['uk', 'розлучення', 'divorce'],
    ['ru', 'беженец', 'settling-in-estonia'],
    ['ru', 'временная защита', 'settling-in-estonia'],
    ['ru', 'декретные', 'having-a-child'],
    ['ru', 'повестка', 'defence-service'],
    ['et', 'pagulane', 'settling-in-estonia'],
    ['et', 'keelekursus', 'settling-in-estonia'],
    ['et', 'matus', 'death-of-close-one'],
    ['et', 'beebi', 'having-a-child'],
    ['en', 'refugee', 'settling-in-estonia'],
    ['en', 'language course', 'settling-in-estonia'],
    ['en', 'wedding', 'marriage'],
    ['en', 'funeral', 'death-of-close-one'],
  ] as const)('in %s, "%s" finds %s', (lang, query, id) => {
    expect(found(query, lang)).toContain(id);
  });

  it('finds a service by a word of another language than the screen’s', () => {
    expect(found('біженець', 'et')).toEqual(['settling-in-estonia']);
  });

  it('finds nothing for a word no service has (the screen then offers Help and the full list)', () => {
    expect(found('xyzzy', 'en')).toEqual([]);
  });

  it('has search words in all four languages for every life event, and only for known services', () => {
    const ids = new Set(eventServices.flatMap((es) => [es.id, ...es.subServices.map((s) => s.id)]));
    for (const id of Object.keys(SEARCH_WORDS).filter((k) => !k.startsWith('$'))) expect(ids, id).toContain(id);
    for (const es of eventServices) {
      const entry = (SEARCH_WORDS as Record<string, unknown>)[es.id] as Record<Lang, string[]> | undefined;
      for (const lang of LANGS) expect(entry?.[lang]?.length, `${es.id} ${lang}`).toBeGreaterThan(0);
    }
  });
});
