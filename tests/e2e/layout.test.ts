import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/contract/langs';
import { browserSkipReason, PHONE } from './browser';
import { useServer } from './suite';

/** Words of the bottom bar's labels that the layout broke across lines, e.g. "Elusündmus|ed". */
const brokenWords = () =>
  [...document.querySelectorAll('.nav-label')].flatMap((label) => {
    const text = label.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) return [];
    const broken: string[] = [];
    let start = 0;
    for (const word of (text.textContent ?? '').split(' ')) {
      const lines = new Set<number>();
      for (let i = start; i < start + word.length; i++) {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        lines.add(Math.round(range.getBoundingClientRect().top));
      }
      if (lines.size > 1) broken.push(word);
      start += word.length + 1;
    }
    return broken;
  });

describe.skipIf(browserSkipReason())('layout on a phone', () => {
  const app = useServer();

  for (const width of [360, 390]) {
    it(`keeps every label's words whole at ${width} px, in et, en, ru, uk`, async () => {
      const context = await app.browser.newContext({ ...PHONE, viewport: { width, height: 800 } });
      const page = await context.newPage();
      try {
        const found: string[] = [];
        for (const lang of LANGS) {
          await page.goto(app.server.url);
          await page.evaluate((l) => localStorage.setItem('minu-riik.lang', l), lang);
          await page.reload();
          await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
          await page.locator('.nav a').first().waitFor();
          found.push(...(await page.evaluate(brokenWords)).map((w) => `${lang}: ${w}`));
        }
        expect(found).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('says once that a page or a service is not there: one heading, the page’s', async () => {
    const context = await app.browser.newContext({ ...PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      for (const path of ['/no-such-page', '/services/no-such-service']) {
        await page.goto(`${app.server.url}${path}`);
        await page.locator('main .empty-state').waitFor();
        const headings = await page.locator('main').getByRole('heading').allTextContents();
        expect(headings, path).toHaveLength(1);
      }
    } finally {
      await context.close();
    }
  });
});
