import { language } from './index';

/**
 * A date typed into a form. The browser's own date picker writes the date the way the browser's
 * language does (mm/dd/yyyy in an American browser on an Estonian screen), so a date field is a text
 * field in the screen's language instead: day, month and year, in that order in all four languages,
 * with the language's separator ("05.03.2027", en "05/03/2027").
 */
const SEPARATOR = { et: '.', en: '/', ru: '.', uk: '.' } as const;

/** YYYY-MM-DD as the person would type it; anything else as it is. */
export function dateFieldText(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!iso) return value;
  const s = SEPARATOR[language()];
  return `${iso[3]}${s}${iso[2]}${s}${iso[1]}`;
}

/**
 * What the person typed, as YYYY-MM-DD: day, month and year separated by a full stop, a slash, a hyphen
 * or a space ("5.3.2027", "05/03/2027"). Anything else stays as typed, so the validator refuses it.
 */
export function dateFieldValue(text: string): string {
  const typed = text.trim();
  const dmy = /^(\d{1,2})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{4})$/.exec(typed);
  return dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : typed;
}
