import { DEFAULT_LANG, isLang, type Lang } from '../contract/langs';

export const STORAGE_KEY = 'minu-riik.lang';

export type Bundle = Record<string, unknown>;

// Each language is its own hashed chunk: only the chosen one loads, the service worker precaches all.
const bundles = import.meta.glob<{ default: Bundle }>('../../locales/*/translation.json');

export async function loadBundle(lang: Lang): Promise<Bundle> {
  const load = bundles[`../../locales/${lang}/translation.json`];
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
