import { beforeAll, describe, expect, it } from 'vitest';
import { validateField } from '../../src/contract/fields';
import { dateFieldText, dateFieldValue } from '../../src/i18n/date-field';
import { initI18n, setLanguage } from '../../src/i18n/index';

describe('a date typed into a form', () => {
  beforeAll(initI18n);

  it.each([
    ['et', '05.03.2027'],
    ['en', '05/03/2027'],
    ['ru', '05.03.2027'],
    ['uk', '05.03.2027'],
  ] as const)('is shown day first in %s, never month first', async (lang, expected) => {
    await setLanguage(lang);
    expect(dateFieldText('2027-03-05')).toBe(expected);
    expect(dateFieldValue(expected)).toBe('2027-03-05');
  });

  it('takes the usual ways of typing day, month and year', () => {
    for (const typed of ['5.3.2027', '05.03.2027', ' 5/3/2027 ', '5-3-2027', '5 3 2027', '05. 03. 2027'])
      expect(dateFieldValue(typed), typed).toBe('2027-03-05');
  });

  it('leaves anything else as typed, so the validator refuses it', () => {
    for (const typed of ['03/05/27', '2027', '5.3', '31.02.2027', 'homme']) {
      expect(validateField({ type: 'date' }, dateFieldValue(typed)), typed).toBe('date');
    }
    // A month-first American date is refused when it cannot be a date, read day first.
    expect(validateField({ type: 'date' }, dateFieldValue('03/25/2027'))).toBe('date');
  });
});
