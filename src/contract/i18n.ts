import { z } from 'zod';
import { LANGS } from './langs';

export { DEFAULT_LANG, isLang, LANGS, type Lang } from './langs';

export const LangSchema = z.enum(LANGS);

/** A text in every language of the app: none may be missing or blank. */
export const Localized = z.object({
  et: z.string().trim().min(1),
  en: z.string().trim().min(1),
  ru: z.string().trim().min(1),
  uk: z.string().trim().min(1),
});
export type Localized = z.infer<typeof Localized>;
