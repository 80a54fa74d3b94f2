import { DEFAULT_LANG, isLang, type Lang } from '../contract/langs';

export const STORAGE_KEY = 'minu-riik.lang';

export type Bundle = Record<string, unknown>;

// Each language is its own hashed chunks, in two parts (see scripts/first-strings.ts): the first screen's
// strings, loaded before it paints, and the rest, loaded right after. The service worker precaches all.
const parts = {
  first: import.meta.glob<{ default: Bundle }>('../../locales/*/translation.json', { query: '?first' }),
  rest: import.meta.glob<{ default: Bundle }>('../../locales/*/translation.json', { query: '?rest' }),
};

export async function loadBundle(lang: Lang, part: keyof typeof parts): Promise<Bundle> {
  const load = parts[part][`../../locales/${lang}/translation.json`]!;
  return (await load()).default;
}

/** The saved choice, else the first of the browser's languages we speak, else Estonian. */
export function detectLanguage(saved: string | null, browserLanguages: readonly string[]): Lang {
  if (isLang(saved)) return saved;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return DEFAULT_LANG;
}

export function savedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export const browserLanguage = () => detectLanguage(savedLanguage(), navigator.languages ?? [navigator.language]);
