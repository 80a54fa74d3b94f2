import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser, PHONE, type RunningServer, startServer } from './browser';
import { signIn } from './screens';

/**
 * The compact layout (under 22.4 em: a narrow phone, zoom or large text), where the bottom bar is a
 * menu: the unread count, the hidden skip link and the soft hyphens of src/app/hyphenate.ts.
 */

async function setTextSize(page: Page, px: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: Math.round(px * 0.8125) } });
  await cdp.detach();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(`${px}px`);
}

/** For each unread count shown, whether it overlaps its row's icon or label (one line per overlap). */
const countsCovering = () =>
  [...document.querySelectorAll('.nav-toggle, .nav a')].flatMap((row) => {
    const badge = row.querySelector('.nav-badge');
    if (!badge || badge.getClientRects().length === 0) return [];
    const b = badge.getBoundingClientRect();
    const parts = [row.querySelector('svg'), row.querySelector('.nav-label') ?? row.childNodes[1]].filter(Boolean);
    return parts.flatMap((part) => {
      const range = document.createRange();
      range.selectNode(part as Node);
      const r = range.getBoundingClientRect();
      const overlap = b.left < r.right && r.left < b.right && b.top < r.bottom && r.top < b.bottom;
      return overlap ? [`${(row.textContent ?? '').trim()}: the count covers ${(part as Node).nodeName}`] : [];
    });
  });

const softHyphens = () => (document.body.textContent ?? '').split('\u00ad').length - 1;

describe.skipIf(browserSkipReason())('the compact layout', () => {
  let server: RunningServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    base = server.url.replace('127.0.0.1', 'localhost');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [name, width, textSize] of [
    ['256 px', 256, 16],
    ['390 px with 200 % text', 390, 32],
  ] as const) {
    it(`${name}: the unread count covers no icon or label; the skip link is out of sight until focused`, async () => {
      const context = await browser.newContext({ ...PHONE, viewport: { width, height: 800 }, locale: 'en-GB' });
      const page = await context.newPage();
      try {
        await signIn(page, base);
        await setTextSize(page, textSize);
        await page.locator('.nav-toggle .nav-badge').waitFor();
        expect(await page.evaluate(countsCovering)).toEqual([]);
        await page.locator('.nav-toggle').click();
        await page.locator('.nav a .nav-badge').waitFor();
        expect(await page.evaluate(countsCovering)).toEqual([]);

        const skip = page.locator('.skip-link');
        const hidden = await skip.boundingBox();
        expect(hidden && hidden.y + hidden.height <= 0, `skip link peeks out: ${JSON.stringify(hidden)}`).toBe(true);
        await skip.focus();
        const shown = await skip.boundingBox();
        expect(shown && shown.y >= 0 && shown.y + shown.height <= 800, 'skip link in view when focused').toBe(true);
      } finally {
        await context.close();
      }
    });
  }

  it('soft hyphens are there while the layout is compact and gone when the page widens again', async () => {
    const context = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 }, locale: 'ru-RU' });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/services`);
      await page.locator('main a.card-link').first().waitFor();
      await expect.poll(() => page.evaluate(softHyphens)).toBeGreaterThan(0);
      await page.setViewportSize({ width: 1024, height: 640 });
      await expect.poll(() => page.evaluate(softHyphens)).toBe(0);
      // Text the app renders at the wide layout gets none either.
      await page.locator('main a.card-link').first().click();
      await page.locator('main h1').waitFor();
      expect(await page.evaluate(softHyphens)).toBe(0);
      await page.setViewportSize({ width: 320, height: 640 });
      await expect.poll(() => page.evaluate(softHyphens)).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
