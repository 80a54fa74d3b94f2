import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/contract/langs';

const statement = (lang: string) =>
  Object.values(
    (JSON.parse(readFileSync(`locales/${lang}/translation.json`, 'utf8')) as { accessibility: Record<string, string> })
      .accessibility,
  ).join('\n');
const count = (text: string, what: string) => text.split(what).length - 1;

describe.each(LANGS)('the accessibility statement in %s', (lang) => {
  const text = statement(lang);

  it('names each standard once: the law’s EN 301 549 with WCAG 2.1 AA, and WCAG 2.2 AA the app is tested to', () => {
    expect(count(text, 'EN 301 549')).toBe(1);
    expect(count(text, 'WCAG 2.1 ')).toBe(1);
    expect(count(text, 'WCAG 2.2')).toBe(1);
    const law = text.split(/(?<=\.)\s/).find((sentence) => sentence.includes('EN 301 549'));
    expect(law).toMatch(/WCAG 2\.1 (level )?AA/);
    expect(law).not.toContain('WCAG 2.2');
  });

  it('says how compliant the app is, when it was last checked and what does not comply yet', () => {
    const section = JSON.parse(readFileSync(`locales/${lang}/translation.json`, 'utf8')).accessibility;
    for (const key of ['status_value', 'checked_text', 'gaps_title', 'gap_hyphens', 'feedback_title']) {
      expect(section[key], key).toBeTruthy();
    }
    expect(section.checked_text).toContain('{{date}}');
  });

  it('names no testing tool: the resident does not need to know it', () => {
    expect(text).not.toMatch(/axe|lighthouse|playwright/i);
  });
});
