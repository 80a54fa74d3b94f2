import { z } from 'zod';

/** NUL, and a surrogate that is not half of a pair: PostgreSQL text and JSON cannot hold either. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (value: string) => !value.includes('\0') && !LONE_SURROGATE.test(value);

/**
 * Every string the API takes or gives: text the database can store. Refused here, a NUL gives the
 * sender a 400 (or a rejected mutation) instead of a database error that would be a 500.
 */
export const safeText = () =>
  z.string().refine(isStorableText, 'must not contain a NUL character or an unpaired surrogate');

/** Years the domain knows: those a personal code can encode (1800–2199), deadlines, decisions. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;

const inYears = (iso: string) => {
  const year = Number(iso.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const yearsMessage = `must be in the years ${MIN_YEAR}–${MAX_YEAR}`;

/** A calendar date, YYYY-MM-DD, in the years MIN_YEAR–MAX_YEAR. */
export const safeDate = () => z.iso.date().refine(inYears, yearsMessage);

/** An instant with its offset (ISO 8601), in the years MIN_YEAR–MAX_YEAR. */
export const safeDateTime = () => z.iso.datetime({ offset: true }).refine(inYears, yearsMessage);
