import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/contract/langs';
import { loadCatalogue } from '../../src/server/seed/catalogue';

/** The product's words (locales/glossary.json, explained in docs/content-style.md). */
interface Term {
  id: string;
  keys: string[];
  [lang: string]: unknown;
}
interface Entry {
  term: string;
  stem: string;
  avoid?: string[];
}
const GLOSSARY = JSON.parse(readFileSync('locales/glossary.json', 'utf8')) as { terms: Term[] };

type Strings = Record<string, string>;

function flatten(value: unknown, prefix = ''): Strings {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign(
    {},
    ...Object.entries(value as object).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)),
  );
}
const readLocale = (lang: Lang): Strings =>
  flatten(JSON.parse(readFileSync(`locales/${lang}/translation.json`, 'utf8')));

const lower = (text: string, lang: Lang) => text.replace(/\u00a0/g, ' ').toLocaleLowerCase(lang);
/** A word or phrase at the start of a word: "teade" is caught in "teade" and "teadet", not in "teadmine"… */
const startsWord = (phrase: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');

/** Every way a locale breaks the glossary: a word it rules out, or a key that does not use its term. */
function glossaryProblems(lang: Lang, strings: Strings): string[] {
  const problems: string[] = [];
  for (const term of GLOSSARY.terms) {
    const entry = term[lang] as Entry;
    for (const avoided of entry.avoid ?? []) {
      const pattern = startsWord(lower(avoided, lang));
      for (const [key, text] of Object.entries(strings)) {
        if (pattern.test(lower(text, lang))) problems.push(`${key}: "${avoided}" is not our word (${term.id})`);
      }
    }
    for (const key of term.keys) {
      const text = strings[key];
      if (text === undefined) problems.push(`${key}: missing (${term.id})`);
      else if (!lower(text, lang).includes(lower(entry.stem, lang)))
        problems.push(`${key}: "${text}" does not say "${entry.term}" (${term.id})`);
    }
  }
  return problems;
}

describe('the glossary', () => {
  it('gives every term in every language', () => {
    for (const term of GLOSSARY.terms) {
      for (const lang of LANGS) expect(term[lang], `${term.id} ${lang}`).toMatchObject({ stem: expect.any(String) });
    }
  });

  it('is described in docs/content-style.md with its words for every language', () => {
    const guide = readFileSync('docs/content-style.md', 'utf8');
    for (const term of GLOSSARY.terms) {
      for (const lang of LANGS) {
        const { term: word } = term[lang] as Entry;
        if (word) expect(guide, `${term.id} ${lang}`).toContain(word);
      }
    }
  });
});

describe.each(LANGS)('the %s locale', (lang) => {
  const strings = readLocale(lang);

  it('keeps to the glossary: the product’s words, no calque or back-office word', () => {
    expect(glossaryProblems(lang, strings)).toEqual([]);
  });
});

/** Every text in four languages inside a value: the catalogue's, the rules' and the offers' texts. */
function localizedTexts(value: unknown, path = ''): Record<Lang, Strings> {
  const out = Object.fromEntries(LANGS.map((l) => [l, {}])) as Record<Lang, Strings>;
  const walk = (v: unknown, p: string) => {
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (LANGS.every((l) => typeof o[l] === 'string')) {
      for (const l of LANGS) out[l][p] = o[l] as string;
      return;
    }
    for (const [k, child] of Object.entries(o)) walk(child, p ? `${p}.${k}` : k);
  };
  walk(value, path);
  return out;
}

describe.each(LANGS)('the catalogue and rule texts in %s', (lang) => {
  const texts = {
    ...localizedTexts(loadCatalogue())[lang],
    ...flatten(JSON.parse(readFileSync(`locales/${lang}/rules.json`, 'utf8'))),
  };

  it('use no word the glossary rules out', () => {
    expect(Object.keys(texts).length).toBeGreaterThan(100);
    const avoided = glossaryProblems(lang, texts).filter((p) => p.includes('is not our word'));
    expect(avoided).toEqual([]);
  });
});

describe('the glossary check', () => {
  it.each([
    ['et', 'step.next.person', 'Sinu kord: palun tegutse.'],
    ['ru', 'status.declined', 'Отказано вами'],
    ['uk', 'step.next.person', 'Ваша черга: потрібна ваша дія.'],
    ['uk', 'nav.more', 'Більше'],
    ['en', 'dashboard.latest', 'Latest messages'],
    ['et', 'services.maturity.proactive', 'Proaktiivne: riik alustab ise'],
  ] as const)('fails on a planted calque or back-office word in %s (%s)', (lang, key, planted) => {
    const problems = glossaryProblems(lang, { ...readLocale(lang), [key]: planted });
    expect(problems.some((p) => p.startsWith(`${key}:`))).toBe(true);
  });

  it.each([
    ['et', 'inbox.title', 'Sõnumid'],
    ['en', 'nav.inbox', 'Inbox'],
    ['ru', 'nav.offers', 'Предлагаемое'],
    ['uk', 'help.title', 'Підтримка'],
  ] as const)('fails on a key word outside the glossary in %s (%s)', (lang, key, planted) => {
    const problems = glossaryProblems(lang, { ...readLocale(lang), [key]: planted });
    expect(problems.some((p) => p.startsWith(`${key}:`))).toBe(true);
  });
});
