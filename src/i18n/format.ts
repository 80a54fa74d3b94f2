import type { Localized } from '../contract/i18n';
import { language } from './index';

const LOCALES = { et: 'et-EE', en: 'en-GB', ru: 'ru-RU', uk: 'uk-UA' } as const;

export function intlLocale(): string {
  return LOCALES[language()];
}

/** A date in the current language, e.g. "21. november 2026". */
export function formatDate(value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  return new Intl.DateTimeFormat(intlLocale(), { timeZone: 'Europe/Tallinn', ...options }).format(new Date(value));
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(), options).format(value);
}

/** The text of a catalogue entry in the current language. */
export function localized(text: Localized): string {
  return text[language()];
}
