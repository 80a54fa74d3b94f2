import { beforeAll, describe, expect, it } from 'vitest';
import { kindLabel, kindTitle } from '../../src/features/services/labels';
import { allStrings, initI18n, setLanguage } from '../../src/i18n/index';

describe('the kind of a sub-service', () => {
  beforeAll(async () => {
    await initI18n();
    await allStrings();
  });

  it.each([
    ['et', 'Põhiteenus', 'Põhiteenused'],
    ['en', 'Main service', 'Main services'],
    ['ru', 'Основная услуга', 'Основные услуги'],
    ['uk', 'Основна послуга', 'Основні послуги'],
  ] as const)('is singular for one service and plural as a group heading in %s', async (lang, one, group) => {
    await setLanguage(lang);
    expect(kindLabel('core')).toBe(one);
    expect(kindTitle('core')).toBe(group);
  });
});
