import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/i18n/format';
import { initI18n, setLanguage } from '../../src/i18n/index';

describe('a time of day', () => {
  beforeAll(initI18n);

  it.each([
    ['et', '3. dets 2026, 9.05'],
    ['en', '3 Dec 2026, 09:05'],
    ['ru', '3 дек. 2026\u00a0г., 09:05'],
    ['uk', '3 груд. 2026\u00a0р., 09:05'],
  ] as const)('is written the way %s writes it', async (lang, expected) => {
    await setLanguage(lang);
    expect(formatDate('2026-12-03T07:05:00Z', { dateStyle: 'medium', timeStyle: 'short' })).toBe(expected);
  });

  it('keeps an Estonian date in figures untouched', async () => {
    await setLanguage('et');
    expect(formatDate('2026-12-03')).toBe('03.12.2026');
    expect(formatDate('2026-12-03T20:00:00Z', { hour: '2-digit', minute: '2-digit' })).toBe('22.00');
  });
});
