import { beforeAll, describe, expect, it } from 'vitest';
import { kindLabel, kindTitle } from '../../src/features/services/labels';
import { allStrings, initI18n, setLanguage } from '../../src/i18n/index';

describe('the kind of a sub-service', () => {
  beforeAll(async () => {
    await initI18n();
    await allStrings();
  });

  it.each([
    ['et', 'Kõigile selles olukorras', 'Tavaliselt vajalik'],
    ['en', 'Everyone in this situation', 'Usually needed'],
    ['ru', 'Всем в\u00a0этой ситуации', 'Обычно нужно'],
    ['uk', 'Усім у\u00a0цій ситуації', 'Зазвичай потрібно'],
  ] as const)(
    'says who gets one service, and heads a group of them, in plain words in %s',
    async (lang, one, group) => {
      await setLanguage(lang);
      expect(kindLabel('core')).toBe(one);
      expect(kindTitle('core')).toBe(group);
    },
  );
});
