import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/i18n/detect';

describe('the app’s language at start', () => {
  it('is the saved choice first', () => {
    expect(detectLanguage('uk', ['ru-RU', 'en'])).toBe('uk');
  });
  it('else the first of the browser’s languages the app speaks', () => {
    expect(detectLanguage(null, ['fi-FI', 'ru-RU', 'en-GB'])).toBe('ru');
    expect(detectLanguage(null, ['EN-us'])).toBe('en');
  });
  it('else Estonian; a saved value that is no language of ours is ignored', () => {
    expect(detectLanguage(null, ['fi', 'de-DE'])).toBe('et');
    expect(detectLanguage('xx', [])).toBe('et');
  });
});
