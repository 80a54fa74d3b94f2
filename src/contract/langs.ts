/** The app's languages; the first is the default. Kept free of zod: the first screen imports it. */
export const LANGS = ['et', 'en', 'ru', 'uk'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'et';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
