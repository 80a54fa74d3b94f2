import i18next, { type TOptions } from 'i18next';
import { createSignal } from 'solid-js';
import { DEFAULT_LANG, LANGS, type Lang } from '../contract/langs';
import { browserLanguage, loadBundle, STORAGE_KEY } from './detect';
import { typesetIn } from './typeset';

/** Each language names itself, so a person finds theirs whatever the app is showing. */
export const LANGUAGE_NAMES: Record<Lang, string> = { et: 'Eesti', en: 'English', ru: 'Русский', uk: 'Українська' };

const [language, setLanguageSignal] = createSignal<Lang>(DEFAULT_LANG);

/** The current language as a signal: anything that reads it re-renders when it changes. */
export { language };

// The person's language starts loading as soon as this module runs, not when the app calls initI18n.
const early = (() => {
  const lang = browserLanguage();
  return { lang, first: loadBundle(lang, 'first') };
})();

/** Languages whose both parts are in i18next; and the rest of a language while it loads. */
const complete = new Set<Lang>();
let rest: { lang: Lang; done: Promise<void> } | undefined;

export async function initI18n(): Promise<void> {
  const lang = browserLanguage();
  const first = early.lang === lang ? early.first : loadBundle(lang, 'first');
  await i18next.init({
    lng: lang,
    fallbackLng: false,
    supportedLngs: [...LANGS],
    resources: { [lang]: { translation: await first } },
    interpolation: { escapeValue: false }, // Solid escapes text content itself
    returnNull: false,
  });
  applyLanguage(lang);
  void allStrings().catch(() => undefined); // fetched while the first screen renders; awaited by the others
  // The app renders in the next task: setting up i18next and the first render are two shorter tasks.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves when every string of the current language is there (the first screen needs only its own). */
export function allStrings(): Promise<void> {
  const lang = language();
  if (complete.has(lang)) return Promise.resolve();
  if (rest?.lang !== lang) {
    const done = loadBundle(lang, 'rest').then((bundle) => {
      i18next.addResourceBundle(lang, 'translation', bundle, true, true);
      complete.add(lang);
    });
    // A failed load (offline before the service worker has it) is tried again by the next screen.
    done.catch(() => {
      if (rest?.done === done) rest = undefined;
    });
    rest = { lang, done };
  }
  return rest.done;
}

/** A screen's lazy import that also waits for the strings outside the first screen's. */
export function withAllStrings<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), allStrings()]).then(([module]) => module);
}

/** Switches language without a reload and remembers the choice. */
export async function setLanguage(lang: Lang): Promise<void> {
  if (!complete.has(lang)) {
    const [first, others] = await Promise.all([loadBundle(lang, 'first'), loadBundle(lang, 'rest')]);
    i18next.addResourceBundle(lang, 'translation', { ...first, ...others }, true, true);
    complete.add(lang);
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

/** A text of the current language as it is shown: the typography rules of typeset.ts applied. */
export const typeset = (text: string): string => typesetIn(language(), text);

/** Translates a key; reactive, so a language switch re-renders every text. */
export function t(key: string, options?: TOptions): string {
  return typeset(i18next.t(key, options) as string);
}
