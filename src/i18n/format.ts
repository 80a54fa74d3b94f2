import type { Localized } from '../contract/i18n';
import { language, typeset } from './index';

const LOCALES = { et: 'et-EE', en: 'en-GB', ru: 'ru-RU', uk: 'uk-UA' } as const;

export function intlLocale(): string {
  return LOCALES[language()];
}

/**
 * A date's own style in each language. Estonian writes it in figures ("21.12.2026"), as the state's
 * messages do: a written-out month stands in the nominative ("21. detsember") and reads wrong in the
 * sentences it goes into ("hiljemalt 21. detsember").
 */
const DATE_STYLE: Record<ReturnType<typeof language>, Intl.DateTimeFormatOptions> = {
  et: { day: '2-digit', month: '2-digit', year: 'numeric' },
  en: { dateStyle: 'long' },
  ru: { dateStyle: 'long' },
  uk: { dateStyle: 'long' },
};

/**
 * Formatters by locale and options, made once: making an Intl formatter costs about a millisecond (four on
 * a phone), formatting with one a microsecond, and a screen formats dozens of dates as it starts.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, options: object, make: () => T): T {
  const key = `${kind} ${intlLocale()} ${JSON.stringify(options)}`;
  let made = formatters.get(key) as T | undefined;
  if (!made) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

/** A date in the current language, e.g. "21.11.2026", "21 November 2026", "21 ноября 2026 г.". */
export function formatDate(value: Date | string, options: Intl.DateTimeFormatOptions = DATE_STYLE[language()]): string {
  const text = formatter(
    'date',
    options,
    () => new Intl.DateTimeFormat(intlLocale(), { timeZone: 'Europe/Tallinn', ...options }),
  ).format(new Date(value));
  // Keep the Russian and Ukrainian year's abbreviation ("2026 г.", "2026 р.") on the year's line.
  const kept = text.replace(/(\d) ([гр]\.)/g, '$1\u00a0$2');
  // Estonian writes the time with a full stop and no leading zero: "kell 9.05", "22.00–8.00".
  return language() === 'et' ? kept.replace(/\b0?(\d{1,2}):(\d{2})\b/g, '$1.$2') : kept;
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return formatter('number', options ?? {}, () => new Intl.NumberFormat(intlLocale(), options)).format(value);
}

/** The text of a catalogue entry in the current language. */
export function localized(text: Localized): string {
  return typeset(text[language()]);
}
