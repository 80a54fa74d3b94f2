import { beforeAll, describe, expect, it } from 'vitest';
import { allStrings, initI18n, setLanguage, t } from '../../src/i18n/index';

describe('the button that opens a step on its agency’s website', () => {
  beforeAll(async () => {
    await initI18n();
    await allStrings();
  });

  it.each([
    ['et', 'Sotsiaalkindlustusamet', 'Tee seda veebis: Sotsiaalkindlustusamet'],
    ['en', 'Social Insurance Board', 'Do it on the Social Insurance Board website'],
    ['ru', 'Департамент социального страхования', 'Сделать на сайте: Департамент социального страхования'],
    ['uk', 'Департамент соціального страхування', 'Зробити на сайті: Департамент соціального страхування'],
  ] as const)('reads naturally in %s', async (lang, agency, expected) => {
    await setLanguage(lang);
    expect(t('step.act', { agency })).toBe(expected);
  });

  it.each(['et', 'ru', 'uk'] as const)(
    'in %s names the agency after a colon, where its nominative fits',
    async (lang) => {
      await setLanguage(lang);
      expect(t('step.act', { agency: '<agency>' })).toMatch(/^\S.*: <agency>$/);
    },
  );
});
