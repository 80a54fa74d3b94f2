import i18next, { type TOptions } from 'i18next';
import { createSignal } from 'solid-js';
import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../contract/langs';

/** Each language names itself, so a person finds theirs whatever the app is showing. */
export const LANGUAGE_NAMES: Record<Lang, string> = { et: 'Eesti', en: 'English', ru: 'Русский', uk: 'Українська' };

const STORAGE_KEY = 'minu-riik.lang';

// Each language is its own hashed chunk: only the chosen one loads, the service worker precaches all.
const bundles = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/translation.json');

async function loadBundle(lang: Lang) {
  const load = bundles[`../../locales/${lang}/translation.json`];
  return (await load()).default;
}

const [language, setLanguageSignal] = createSignal<Lang>(DEFAULT_LANG);

// Starts fetching the person's language as soon as this module runs (early in the first load), so the
// request overlaps the evaluation of the rest of the app instead of following it.
const early = import.meta.env.PROD
  ? (() => {
      const lang = detectLanguage(savedLanguage(), navigator.languages ?? [navigator.language]);
      return { lang, bundle: loadBundle(lang) };
    })()
  : undefined;

/** The current language as a signal: anything that reads it re-renders when it changes. */
export { language };

/** The saved choice, else the first of the browser's languages we speak, else Estonian. */
export function detectLanguage(saved: string | null, browserLanguages: readonly string[]): Lang {
  if (isLang(saved)) return saved;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return DEFAULT_LANG;
}

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export async function initI18n(): Promise<void> {
  const lang = detectLanguage(savedLanguage(), navigator.languages ?? [navigator.language]);
  const bundle = early?.lang === lang ? early.bundle : loadBundle(lang);
  await i18next.init({
    lng: lang,
    fallbackLng: false,
    supportedLngs: [...LANGS],
    resources: { [lang]: { translation: await bundle } },
    interpolation: { escapeValue: false }, // Solid escapes text content itself
    returnNull: false,
  });
  applyLanguage(lang);
}

/** Switches language without a reload and remembers the choice. */
export async function setLanguage(lang: Lang): Promise<void> {
  if (!i18next.hasResourceBundle(lang, 'translation')) {
    i18next.addResourceBundle(lang, 'translation', await loadBundle(lang));
  }
  await i18next.changeLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts until the tab closes.
  }
  applyLanguage(lang);
}

function applyLanguage(lang: Lang) {
  document.documentElement.lang = lang;
  setLanguageSignal(lang);
}

/** Translates a key; reactive, so a language switch re-renders every text. */
export function t(key: string, options?: TOptions): string {
  language();
  return i18next.t(key, options) as string;
}
