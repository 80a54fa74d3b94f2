import { describe, expect, it } from 'vitest';
import { ibanChecksumOk, isIsoDate, normaliseField, validateField } from '../../src/contract/fields';
import { makePersonalCode } from '../../src/contract/isikukood';

describe('IBAN', () => {
  const iban = { type: 'iban' } as const;
  it.each([
    'EE382200221020145685', // Swedbank's example
    'EE38 2200 2210 2014 5685',
    'ee382200221020145685',
    'DE89370400440532013000', // another country: its own length, checked by mod-97 only
    'GB82WEST12345698765432',
  ])('accepts %s', (value) => expect(validateField(iban, value)).toBeNull());

  it('refuses a wrong check digit', () => expect(validateField(iban, 'EE392200221020145685')).toBe('iban'));
  it('refuses an Estonian IBAN of the wrong length', () => {
    expect(validateField(iban, 'EE12 3456')).toBe('iban_length');
    expect(validateField(iban, 'EE3822002210201456851')).toBe('iban_length');
  });
  it('refuses what is not an IBAN', () => expect(validateField(iban, '1234567890')).toBe('iban'));
  it('refuses an empty value', () => expect(validateField(iban, '  ')).toBe('required'));
  it('stores the electronic form', () =>
    expect(normaliseField(iban, 'ee38 2200 2210 2014 5685')).toBe('EE382200221020145685'));
  it('mod-97 alone', () => {
    expect(ibanChecksumOk('EE382200221020145685')).toBe(true);
    expect(ibanChecksumOk('EE382200221020145686')).toBe(false);
  });
});

describe('personal code', () => {
  const code = { type: 'personalCode' } as const;
  it('accepts a code with a right checksum', () =>
    expect(validateField(code, makePersonalCode('1990-05-03', 'female', 12))).toBeNull());
  it('refuses a wrong checksum', () => expect(validateField(code, '37605030298')).toBe('personal_code'));
  it('refuses letters', () => expect(validateField(code, '3760503029x')).toBe('personal_code'));
});

describe('date', () => {
  const date = { type: 'date', min: '2026-09-19', max: '2027-09-19' } as const;
  it('accepts a date within min and max, both included', () => {
    expect(validateField(date, '2026-09-19')).toBeNull();
    expect(validateField(date, '2027-09-19')).toBeNull();
  });
  it('refuses one before min', () => expect(validateField(date, '2026-09-18')).toBe('too_early'));
  it('refuses one after max', () => expect(validateField(date, '2027-09-20')).toBe('too_late'));
  it('refuses free text and impossible dates', () => {
    expect(validateField(date, 'next week')).toBe('date');
    expect(validateField(date, '2027-02-30')).toBe('date');
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
  it('without min or max any real date goes', () => expect(validateField({ type: 'date' }, '1900-01-01')).toBeNull());
});

describe('amount', () => {
  const amount = { type: 'amount' } as const;
  it.each(['12', '12.5', '1234,50', '0'])('accepts %s', (v) => expect(validateField(amount, v)).toBeNull());
  it.each(['-5', '12.345', '1e3', 'kaks'])('refuses %s', (v) => expect(validateField(amount, v)).toBe('amount'));
});

describe('text', () => {
  const text = { type: 'text' } as const;
  it('accepts any text up to 200 characters', () => expect(validateField(text, 'Tallinn')).toBeNull());
  it('refuses more', () => expect(validateField(text, 'x'.repeat(201))).toBe('too_long'));
  it('refuses blank', () => expect(validateField(text, '')).toBe('required'));
});
