import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import ru from '../../locales/ru/translation.json';
import { browserSkipReason } from './browser';
import { signInAs } from './session';
import { useAppServer } from './suite';

/** What a screen's frame draws: each element's box, and the text of those that hold text. */
function drawn(page: Page) {
  return page.evaluate(() => {
    const boxes = ['.topbar', '.brand', '.language', '.help-link', '.account-slot', '.nav', '#main', '.tile-grid'];
    const texts = ['.skip-link', '.brand-name', '.nav-label', 'h1', '.lead', '.sign-in-card > *', '#home-events'];
    const boxed = (el: Element) => {
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((v) => Math.round(v));
    };
    return {
      lang: document.documentElement.lang,
      title: document.title,
      boxes: boxes.flatMap((s) => [...document.querySelectorAll(s)].map((el) => `${s} ${boxed(el)}`)),
      texts: texts.flatMap((s) =>
        [...document.querySelectorAll(s)].map((el) => `${s} ${boxed(el)} ${el.textContent?.trim()}`),
      ),
      signInCard: !!document.querySelector('.sign-in-card'),
      skeleton: !!document.querySelector('.dashboard-skeleton'),
    };
  });
}

/** index.html's first frame alone: the app's code never arrives. */
async function firstFrameAlone(page: Page, url: string) {
  await page.route('**/assets/index-*.js', (route) => route.abort());
  await page.goto(url);
  await page.locator('[data-first-frame]').waitFor();
  const frame = await drawn(page);
  await page.unroute('**/assets/index-*.js');
  return frame;
}

/** The app's own first frame: the moment it has taken the place of index.html's. */
async function appFirstFrame(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => !document.querySelector('[data-first-frame]') && document.querySelector('h1'));
  return drawn(page);
}

describe.skipIf(browserSkipReason())('the first frame in index.html', () => {
  const suite = useAppServer();

  it("is the signed-out Home in the reader's language, drawn where the app then draws it", async () => {
    const { page } = await suite.newPhone({ locale: 'ru-RU', serviceWorkers: 'block' });
    const frame = await firstFrameAlone(page, suite.server.url);
    expect(frame.lang).toBe('ru');
    expect(frame.signInCard).toBe(true);
    expect(frame.texts.find((t) => t.startsWith('h1'))).toMatch(new RegExp(`${ru.home.title}$`));
    expect(await appFirstFrame(page, suite.server.url)).toEqual(frame);
  });

  it("follows the saved language over the browser's, and elsewhere than Home paints the shell alone", async () => {
    const { context, page } = await suite.newPhone({ locale: 'ru-RU', serviceWorkers: 'block' });
    await context.addInitScript(() => localStorage.setItem('minu-riik.lang', 'uk'));
    const home = await firstFrameAlone(page, suite.server.url);
    expect(home.lang).toBe('uk');
    expect(await appFirstFrame(page, suite.server.url)).toEqual(home);
    const other = await firstFrameAlone(page, `${suite.server.url}/help`);
    expect(other.texts.some((t) => t.startsWith('h1'))).toBe(false);
    const shell = (boxes: string[]) => boxes.filter((b) => !/^(#main|\.tile-grid) /.test(b));
    expect(shell(other.boxes)).toEqual(shell(home.boxes));
  });

  it("is the dashboard's skeleton for a person signed in, under the same shell as the app's", async () => {
    const { page } = await suite.newPhone();
    await signInAs(page, suite.server.url, 'Kadri Tamm');
    await page.locator('#needs-action').waitFor();
    const frame = await firstFrameAlone(page, suite.server.url);
    expect(frame).toMatchObject({ lang: 'en', signInCard: false, skeleton: true });
    const app = await appFirstFrame(page, suite.server.url);
    // The data is on the device: the dashboard and the life events below it may be in by now; the shell and
    // the heading above them must not have moved.
    const below = /^(\.account-slot|#main|\.tile-grid|#home-events) /;
    const shell = (d: typeof frame) => [d.title, ...[...d.boxes, ...d.texts].filter((b) => !below.test(b))];
    expect(shell(app)).toEqual(shell(frame));
  });
});

/**
 * What a returning person sees from the first frame: the dashboard's layout, never the sign-in card, and
 * nothing that moves when the data arrives from IndexedDB (the layout shifts the browser itself records).
 */
describe.skipIf(browserSkipReason())('the signed-in first frame', () => {
  const suite = useAppServer();
  let page: Page;

  beforeAll(async () => {
    ({ page } = await suite.newPhone());
    await signInAs(page, suite.server.url, 'Kadri Tamm');
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
