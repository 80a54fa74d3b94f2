import { beforeAll, describe, expect, it } from 'vitest';
import { allStrings, initI18n, setLanguage, t } from '../../src/i18n/index';

describe('the button that opens a step’s e-service', () => {
  beforeAll(async () => {
    await initI18n();
    await allStrings();
  });

  it.each([
    ['et', 'Ava e-teenus'],
    ['en', 'Do it online'],
    ['ru', 'Сделать это онлайн'],
    ['uk', 'Зробити це онлайн'],
  ] as const)(
    'says what it does, in a verb, in %s (the agency is named on the card and in "Ask")',
    async (lang, expected) => {
      await setLanguage(lang);
      expect(t('step.act')).toBe(expected);
    },
  );
});
