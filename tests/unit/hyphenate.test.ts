import { describe, expect, it } from 'vitest';
import { hyphenateText, hyphenateWord } from '../../src/app/hyphenate';

const shown = (s: string) => s.replaceAll('\u00ad', '-');

describe('soft hyphens for narrow layouts', () => {
  it('breaks long words where a syllable begins, in et, ru, uk and en', () => {
    expect(shown(hyphenateWord('Kaitseväekohustuse'))).toBe('Kait-se-väe-ko-hus-tu-se');
    expect(shown(hyphenateWord('Terviserikkega'))).toBe('Ter-vi-se-rik-ke-ga');
    expect(shown(hyphenateWord('Родительское'))).toBe('Ро-ди-тель-ское');
    expect(shown(hyphenateWord('Народження'))).toBe('На-род-жен-ня');
    expect(shown(hyphenateWord('Accessibility'))).toBe('Ac-ces-si-bi-li-ty');
  });

  it('keeps soft and hard signs, й and the apostrophe with the letter before, and two letters a side', () => {
    expect(shown(hyphenateWord('большой'))).toBe('боль-шой');
    expect(shown(hyphenateWord('районный'))).toBe('рай-он-ный');
    expect(shown(hyphenateWord('здоров’я'))).toBe('здо-ров’я');
    expect(shown(hyphenateWord('обязанности'))).toBe('обя-зан-нос-ти');
    for (const word of ['Kaitseväekohustuse', 'обязанности', 'Налаштування', 'registration']) {
      const parts = shown(hyphenateWord(word)).split('-');
      expect(
        parts.every((p) => p.length >= 2),
        word,
      ).toBe(true);
      expect(parts.join('')).toBe(word);
    }
  });

  it('leaves short words, codes and already hyphenated words alone, and changes nothing the second time', () => {
    expect(hyphenateWord('riik')).toBe('riik');
    expect(hyphenateWord('EE1234567')).toBe('EE1234567');
    expect(hyphenateText('PDF-ABCDEFGH 12345678')).toBe('PDF-ABCDEFGH 12345678');
    const once = hyphenateText('Исполнение воинской обязанности, 22:00–08:00');
    expect(hyphenateText(once)).toBe(once);
    expect(once.replaceAll('\u00ad', '')).toBe('Исполнение воинской обязанности, 22:00–08:00');
  });
});
