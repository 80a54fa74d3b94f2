import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesQuery } from '../../src/data/search';

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
