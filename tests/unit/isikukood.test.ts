import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidPersonalCode, makePersonalCode, parsePersonalCode } from '../../src/contract/isikukood';

describe('parsePersonalCode', () => {
  it.each([
    ['37605030299', '1976-05-03', 'male'], // TARA's test person
    ['49403136515', '1994-03-13', 'female'],
    ['39912310174', '1999-12-31', 'male'],
    ['60001019906', '2000-01-01', 'female'], // checksum from the second weights
  ])('reads %s as born %s, %s', (code, birthDate, sex) => {
    expect(parsePersonalCode(code)).toEqual({ birthDate, sex });
  });

  it.each([
    ['37605030298', 'wrong checksum'],
    ['3760503029', 'too short'],
    ['376050302999', 'too long'],
    ['97605030299', 'century digit 9'],
    ['07605030299', 'century digit 0'],
    ['37613030299', 'month 13'],
    ['37602300298', '30 February'],
    ['3760503029a', 'not a digit'],
    ['EE37605030299', 'with country prefix'],
  ])('refuses %s (%s)', (code) => {
    expect(parsePersonalCode(code)).toBeNull();
  });

  it('knows 29 February only in leap years', () => {
    expect(isValidPersonalCode(makePersonalCode('2000-02-29', 'female', 1))).toBe(true);
    const first10 = '6010229001';
    expect([...Array(10).keys()].some((c) => isValidPersonalCode(first10 + c))).toBe(false);
  });
});

describe('makePersonalCode', () => {
  it('makes a valid code for any date from 1800 to 2199 that encodes the same date and sex', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1800-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 0, max: 999 }),
        (date, sex, serial) => {
          const birthDate = date.toISOString().slice(0, 10);
          expect(parsePersonalCode(makePersonalCode(birthDate, sex, serial))).toEqual({ birthDate, sex });
        },
      ),
    );
  });

  it('exactly one check digit fits any first ten digits', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (date) => {
          const first10 = makePersonalCode(date.toISOString().slice(0, 10), 'female', 42).slice(0, 10);
          const valid = [...Array(10).keys()].filter((c) => isValidPersonalCode(first10 + c));
          expect(valid).toHaveLength(1);
        },
      ),
    );
  });
});
