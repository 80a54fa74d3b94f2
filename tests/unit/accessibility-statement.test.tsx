import { render } from 'solid-js/web';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/contract/langs';
import AccessibilityStatement from '../../src/features/more/AccessibilityStatement';
import { initI18n, setLanguage } from '../../src/i18n';

/** The statement as a resident sees it: the screen rendered in `lang`. */
async function shown(lang: (typeof LANGS)[number]) {
  await setLanguage(lang);
  const root = document.createElement('div');
  document.body.append(root);
  const dispose = render(() => <AccessibilityStatement />, root);
  const sections = [...root.querySelectorAll('h2')].map((h) => {
    const parts: string[] = [];
    for (let el = h.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) {
      parts.push(el.textContent ?? '');
    }
    return {
      title: h.textContent ?? '',
      text: parts.join('\n'),
      items: h.nextElementSibling?.tagName === 'UL' ? h.nextElementSibling.children.length : 0,
    };
  });
  const page = {
    title: root.querySelector('h1')?.textContent,
    text: root.textContent ?? '',
    sections,
    mail: root.querySelector('a[href^="mailto:"]')?.textContent,
  };
  dispose();
  root.remove();
  return page;
}

beforeAll(() => initI18n());

describe.each(LANGS)('the accessibility statement in %s', (lang) => {
  it('has a title and says, in one section, how compliant the app is against which standards', async () => {
    const page = await shown(lang);
    expect(page.title).toBeTruthy();
    const status = page.sections.find((s) => s.text.includes('EN 301 549'));
    expect(status, 'a section names the law’s standard').toBeDefined();
    const law = status!.text.split(/(?<=\.)\s/).find((sentence) => sentence.includes('EN 301 549'));
    expect(law).toMatch(/WCAG 2\.1 (level )?AA/);
    expect(law).not.toContain('WCAG 2.2');
    expect(page.text).toMatch(/WCAG 2\.2/);
  });

  it('lists what does not comply yet, and gives the date of the last check and a way to give feedback', async () => {
    const page = await shown(lang);
    expect(page.sections.some((s) => s.items > 0)).toBe(true);
    expect(page.sections.some((s) => s.text.includes('2026'))).toBe(true);
    expect(page.text).not.toContain('{{');
    expect(page.mail).toContain('@');
  });

  it('names no testing tool: the resident does not need to know it', async () => {
    expect((await shown(lang)).text).not.toMatch(/axe|lighthouse|playwright/i);
  });
});
