import type { Lang } from '../contract/langs';

// A long date in Russian or Ukrainian ends in an abbreviation ("2026 г.", "2026 р."); where it meets the
// sentence's own full stop, one stop stands for both. An ellipsis (three) is left alone.
const DOUBLE_STOP = /(?<!\.)\.\.(?!\.)/g;

// Russian and Ukrainian typography keeps a one-letter word ("о", "в", "і", "з") with the word after it:
// "Заявление о" must not end a line.
const HANGING_WORD = /(?<=^|[\s(«„"])([авиксоуяАВИКСОУЯіїйзІЙЗ]) /gu;

/** A text of the language as it is shown: the typography rules above applied. */
export function typesetIn(lang: Lang, text: string): string {
  const once = text.replace(DOUBLE_STOP, '.');
  return lang === 'ru' || lang === 'uk' ? once.replace(HANGING_WORD, '$1\u00a0') : once;
}
