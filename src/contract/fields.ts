import { isValidPersonalCode } from './isikukood';

/**
 * Typed fields of a form the state prefills (an offer's details), and their validators: the same code
 * checks a value on the phone before it is queued and on the server before it is written.
 */
export const FIELD_TYPES = ['text', 'iban', 'personalCode', 'date', 'amount'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** What a validator needs of a field: its type and, for dates, the first and last date allowed. */
export interface FieldRule {
  type: FieldType;
  /** Dates only: YYYY-MM-DD, inclusive. */
  min?: string | null;
  max?: string | null;
}

/** Why a value is refused; the client words each one (offers.field_error.*). */
export type FieldError =
  | 'required'
  | 'iban'
  | 'iban_length'
  | 'personal_code'
  | 'date'
  | 'too_early'
  | 'too_late'
  | 'amount'
  | 'too_long';

export const MAX_TEXT = 200;
/** An Estonian IBAN: EE, two check digits, two bank digits and 14 account digits. */
export const ESTONIAN_IBAN_LENGTH = 20;

/** An IBAN as a person may type it (spaces, lower case) in its electronic form: EE382200221020145685. */
export const normaliseIban = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/** ISO 13616: move the first four characters to the end, letters to numbers (A = 10), the rest mod 97 is 1. */
export function ibanChecksumOk(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

function checkIban(value: string): FieldError | null {
  const iban = normaliseIban(value);
  if (iban.startsWith('EE') && iban.length !== ESTONIAN_IBAN_LENGTH) return 'iban_length';
  return ibanChecksumOk(iban) ? null : 'iban';
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function checkDate(value: string, rule: FieldRule): FieldError | null {
  if (!isIsoDate(value)) return 'date';
  if (rule.min && value < rule.min) return 'too_early';
  if (rule.max && value > rule.max) return 'too_late';
  return null;
}

/** Euros with at most two decimals, a comma or a point: 12, 12.5, 1234,50. */
const AMOUNT = /^\d{1,9}([.,]\d{1,2})?$/;

/** The value as it is stored: an IBAN without spaces, in capitals; anything else trimmed. */
export function normaliseField(rule: FieldRule, value: string): string {
  return rule.type === 'iban' ? normaliseIban(value) : value.trim();
}

/** Null when the value is acceptable for the field, else why not. An empty value is `required`. */
export function validateField(rule: FieldRule, raw: string): FieldError | null {
  const value = normaliseField(rule, raw);
  if (value === '') return 'required';
  if (value.length > MAX_TEXT) return 'too_long';
  switch (rule.type) {
    case 'text':
      return null;
    case 'iban':
      return checkIban(value);
    case 'personalCode':
      return isValidPersonalCode(value) ? null : 'personal_code';
    case 'date':
      return checkDate(value, rule);
    case 'amount':
      return AMOUNT.test(value) ? null : 'amount';
  }
}
