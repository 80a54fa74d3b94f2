import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser';
import { signInAs } from './session';
import { useAppServer } from './suite';

/**
 * What a returning person sees from the first frame: the dashboard's layout, never the sign-in card, and
 * nothing that moves when the data arrives from IndexedDB (the layout shifts the browser itself records).
 */
describe.skipIf(browserSkipReason())('the signed-in first frame', () => {
  const app = useAppServer();
  let page: Page;

  beforeAll(async () => {
    ({ page } = await app.newPhone());
    await signInAs(page, app.server.url, 'Kadri Tamm');
    await page.locator('#needs-action').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
  });

  it('is the dashboard: no sign-in card at any moment, and no layout shift once the data is in', async () => {
    await page.addInitScript(() => {
      const w = window as unknown as { seen: string[]; shifts: number };
      w.seen = [];
      w.shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) w.shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      new MutationObserver(() => {
        for (const selector of ['.sign-in-card', '.dashboard-skeleton', '#needs-action', '#home-events']) {
          if (!w.seen.includes(selector) && document.querySelector(selector)) w.seen.push(selector);
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await page.locator('#home-events').waitFor();
    await page.locator('.tile-grid a.tile').first().waitFor();
    await page.locator('#latest-messages').waitFor();
    const { seen, shifts } = await page.evaluate(() => {
      const w = window as unknown as { seen: string[]; shifts: number };
      return { seen: w.seen, shifts: w.shifts };
    });
    expect(seen).not.toContain('.sign-in-card');
    // The skeleton came first, then the sections, the life events last.
    expect(seen.indexOf('.dashboard-skeleton')).toBe(0);
    expect(seen.indexOf('#needs-action')).toBeLessThan(seen.indexOf('#home-events'));
    expect(shifts).toBe(0);
  });
});
