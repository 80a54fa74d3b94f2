import { z } from 'zod';
import { LANGS } from './langs';
import { safeText } from './text';

export { DEFAULT_LANG, isLang, LANGS, type Lang } from './langs';

export const LangSchema = z.enum(LANGS);

/** A text in every language of the app: none may be missing or blank. */
export const Localized = z.object({
  et: safeText().trim().min(1),
  en: safeText().trim().min(1),
  ru: safeText().trim().min(1),
  uk: safeText().trim().min(1),
});
export type Localized = z.infer<typeof Localized>;
