import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/i18n/format';
import { initI18n, setLanguage, t } from '../../src/i18n/index';

describe('a date at the end of a sentence', () => {
  beforeAll(initI18n);

  it.each([
    ['ru', 'Примите до 21 декабря 2026 г.'],
    ['uk', 'Прийміть до 21 грудня 2026 р.'],
    ['et', 'Nõustu hiljemalt 21. detsember 2026.'],
    ['en', 'Accept by 21 December 2026.'],
  ] as const)('ends with one full stop in %s', async (lang, expected) => {
    await setLanguage(lang);
    expect(t('offers.accept_by', { date: formatDate('2026-12-21') })).toBe(expected);
  });

  it('keeps the abbreviation’s stop inside a sentence, once', async () => {
    await setLanguage('uk');
    const text = t('offers.accepted_notice', { date: formatDate('2026-12-01'), agency: 'SKA' });
    expect(text).toMatch(/^[^.]*2026 р\. SKA/);
    expect(text).not.toContain('..');
  });

  it('leaves an ellipsis as it is', async () => {
    await setLanguage('en');
    expect(t('sync.rejected', { action: 'wait...' })).toContain('wait...');
  });
});
