import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate, localized } from '../../src/i18n/format';
import { allStrings, initI18n, setLanguage, t } from '../../src/i18n/index';

describe('a date at the end of a sentence', () => {
  beforeAll(async () => {
    await initI18n();
    await allStrings();
  });

  it.each([
    ['ru', 'Примите до 21 декабря 2026\u00a0г.'],
    ['uk', 'Прийміть до 21 грудня 2026\u00a0р.'],
    ['et', 'Nõustu hiljemalt 21.12.2026.'],
    ['en', 'Accept by 21 December 2026.'],
  ] as const)('ends with one full stop in %s', async (lang, expected) => {
    await setLanguage(lang);
    expect(t('offers.accept_by', { date: formatDate('2026-12-21') })).toBe(expected);
  });

  it('keeps the abbreviation’s stop inside a sentence, once', async () => {
    await setLanguage('uk');
    const text = t('offers.accepted_notice', { date: formatDate('2026-12-01'), agency: 'SKA' });
    expect(text).toMatch(/^[^.]*2026\u00a0р\. Нею займається SKA\.$/);
    expect(text).not.toContain('..');
  });

  it('leaves an ellipsis as it is', async () => {
    await setLanguage('en');
    expect(t('sync.rejected', { action: 'wait...' })).toContain('wait...');
  });

  it('keeps the year’s abbreviation on the year’s line (no break before “г.” or “р.”)', async () => {
    await setLanguage('ru');
    expect(formatDate('2026-12-21')).toBe('21 декабря 2026\u00a0г.');
    await setLanguage('uk');
    expect(formatDate('2026-12-21', { dateStyle: 'medium', timeStyle: 'short' })).toMatch(/2026\u00a0р\./);
  });

  it('writes an Estonian date in figures, which reads right in any sentence', async () => {
    await setLanguage('et');
    expect(formatDate('2026-12-03')).toBe('03.12.2026');
    expect(t('dashboard.due', { date: formatDate('2026-12-03') })).toBe('Hiljemalt 03.12.2026');
  });

  it('keeps a one-letter Russian or Ukrainian word with the next word, and leaves other languages be', async () => {
    await setLanguage('ru');
    expect(t('accessibility.title')).toBe('Заявление о\u00a0доступности');
    expect(t('sync.rejected', { action: 'в и с' })).toContain('в\u00a0и\u00a0с');
    expect(localized({ et: 'x', en: 'x', ru: 'Пособие в связи', uk: 'x' })).toBe('Пособие в\u00a0связи');
    await setLanguage('en');
    expect(t('sync.rejected', { action: 'a b' })).toContain('a b');
  });
});
