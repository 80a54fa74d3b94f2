import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/contract/langs';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  if (value === null || typeof value !== 'object') throw new Error(`${prefix}: not a string or object`);
  return Object.assign({}, ...Object.entries(value).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]);

/** Per key (plural forms folded into their base key): the plural forms present and the variables used. */
function describeLocale(lang: Lang) {
  const strings = flatten(JSON.parse(readFileSync(`locales/${lang}/translation.json`, 'utf8')));
  const keys = new Map<string, { forms: Set<string>; variables: Set<string> }>();
  for (const [key, text] of Object.entries(strings)) {
    const base = key.replace(PLURAL_SUFFIX, '');
    const entry = keys.get(base) ?? { forms: new Set(), variables: new Set() };
    if (base !== key) entry.forms.add(key.slice(base.length + 1));
    for (const v of variables(text)) entry.variables.add(v);
    keys.set(base, entry);
  }
  return keys;
}

/** Strings that are the same in every language: the product's name. */
const SAME_IN_EVERY_LANGUAGE = new Set(['app.name']);
const hasWords = (text: string) => /\p{L}{2,}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''));

/** Keys whose text is the English one word for word: a string nobody translated. */
function untranslated(strings: Record<string, string>, english: Record<string, string>): string[] {
  return Object.keys(strings).filter(
    (key) => !SAME_IN_EVERY_LANGUAGE.has(key) && strings[key] === english[key] && hasWords(strings[key]),
  );
}

const readStrings = (lang: Lang) => flatten(JSON.parse(readFileSync(`locales/${lang}/translation.json`, 'utf8')));

const locales = Object.fromEntries(LANGS.map((lang) => [lang, describeLocale(lang)])) as Record<
  Lang,
  ReturnType<typeof describeLocale>
>;
const reference = locales.en;

describe.each(LANGS.filter((lang) => lang !== 'en'))('locale %s', (lang) => {
  it('has no string left in English', () => {
    expect(untranslated(readStrings(lang), readStrings('en'))).toEqual([]);
  });

  it('would catch a string left in English', () => {
    const english = readStrings('en');
    expect(untranslated({ ...readStrings(lang), 'help.title': english['help.title'] }, english)).toEqual([
      'help.title',
    ]);
  });
});

it('writes the Ukrainian apostrophe one way (’), as in з’явиться', () => {
  expect(Object.entries(readStrings('uk')).filter(([, text]) => text.includes("'"))).toEqual([]);
});

describe.each(LANGS)('locale %s', (lang) => {
  const locale = locales[lang];

  it('has exactly the keys of the others', () => {
    expect([...locale.keys()].sort()).toEqual([...reference.keys()].sort());
  });

  it('has every plural form its language needs, and no others', () => {
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
    for (const [key, { forms }] of locale) {
      if (forms.size === 0) continue;
      expect([...forms].sort(), `${lang}: ${key}`).toEqual(needed);
    }
  });

  it('uses the same interpolation variables as the others', () => {
    for (const [key, { variables }] of locale) {
      expect([...variables].sort(), `${lang}: ${key}`).toEqual([...(reference.get(key)?.variables ?? [])].sort());
    }
  });

  it('uses plural forms for the same keys as the others', () => {
    for (const [key, { forms }] of locale) {
      expect(forms.size > 0, `${lang}: ${key}`).toBe((reference.get(key)?.forms.size ?? 0) > 0);
    }
  });
});
