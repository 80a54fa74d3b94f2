import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser';
import { openScreen, SCREENS } from './screens';
import { useServer } from './suite';

interface Focused {
  tag: string;
  id: string;
  href: string | null;
  cls: string;
  text: string;
  /** A focus indicator is drawn: an outline (or a box shadow), not removed. */
  visible: boolean;
  /** The element is inside main, the nav or the top bar. */
  region: string;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) >= 2;
    // A date input whose native picker holds the focus (not :focus itself): the picker is what shows it.
    const inPicker = el instanceof HTMLInputElement && el.type === 'date' && !el.matches(':focus');
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      href: el.getAttribute('href'),
      cls: el.className && typeof el.className === 'string' ? el.className : '',
      text: (el.textContent ?? '').trim().slice(0, 60),
      visible: inPicker || outline || (cs.boxShadow !== 'none' && cs.boxShadow !== ''),
      region: el.closest('main') ? 'main' : el.closest('nav') ? 'nav' : el.closest('header') ? 'header' : 'other',
    };
  });

const describeFocus = (f: Focused) =>
  `<${f.tag}${f.id ? ` id="${f.id}"` : ''}${f.href ? ` href="${f.href}"` : ''}> "${f.text}" (${f.region})`;

/**
 * Presses Tab until `matches` holds for the focused element, checking that each element reached shows
 * a visible focus indicator. Fails if it takes more than `limit` presses.
 */
async function tabTo(page: Page, matches: (f: Focused) => boolean, limit = 40): Promise<Focused[]> {
  const path: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    path.push(f);
    if (f.tag !== 'body') expect(f.visible, `no visible focus on ${describeFocus(f)}`).toBe(true);
    if (matches(f)) return path;
  }
  throw new Error(`not reached in ${limit} Tabs; focus went: ${path.map(describeFocus).join(' → ')}`);
}

describe.skipIf(browserSkipReason())('keyboard only', () => {
  const app = useServer();

  for (const device of [
    { name: 'desktop', viewport: { width: 1280, height: 800 } },
    { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  ]) {
    it(`${device.name}: skip link, nav → Life events → a service → a sub-service, visible focus, no trap`, async () => {
      const { name: _, ...options } = device;
      const context = await app.browser.newContext({ ...options, locale: 'en-GB' });
      const page = await context.newPage();
      try {
        await openScreen(page, app.server.url, SCREENS[0]!, true);

        // The first Tab stop is the skip link; it is visible when focused and moves focus to main.
        await page.keyboard.press('Tab');
        const skip = await focused(page);
        expect(skip.cls).toContain('skip-link');
        expect(skip.visible).toBe(true);
        expect(await page.locator('.skip-link').isVisible()).toBe(true);
        const box = await page.locator('.skip-link').boundingBox();
        expect(box && box.y >= 0 && box.height > 0, 'skip link is on screen when focused').toBe(true);
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
        // From main, the next Tab stop is the first thing in the content, not the bars.
        await page.keyboard.press('Tab');
        expect((await focused(page)).region).toBe('main');

        // Logical order from the top: top bar, then the navigation, in reading order.
        await page.goto(app.server.url);
        await page.locator('main a.tile').first().waitFor();
        const order = await tabTo(page, (f) => f.region === 'nav' && f.href === '/events');
        // Skip link, then the top bar (brand, language, account…), then the navigation: never back and forth.
        const regions = order.map((f) => f.region);
        expect(regions[0]).toBe('other');
        const rank = { other: 0, header: 1, nav: 2, main: 3 } as Record<string, number>;
        expect(regions.map((r) => rank[r])).toEqual(regions.map((r) => rank[r]).sort((a, b) => a! - b!));
        expect(regions).toContain('header');
        await page.keyboard.press('Enter');
        await page.waitForURL('**/events');
        // A new screen puts focus on its heading, so the next Tab starts at the top of its content.
        await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

        await tabTo(page, (f) => f.href === '/services');
        await page.keyboard.press('Enter');
        await page.waitForURL('**/services');
        await page.locator('main a.card-link').first().waitFor();
        await tabTo(page, (f) => f.href === '/services/having-a-child');
        await page.keyboard.press('Enter');
        await page.waitForURL('**/services/having-a-child');
        await page.locator('main .facts').waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

        await tabTo(page, (f) => f.region === 'main' && (f.href ?? '').startsWith('/services/having-a-child/'));
        await page.keyboard.press('Enter');
        await page.waitForURL('**/services/having-a-child/*');
        await page.locator('main .facts').waitFor();
        const subTitle = await page.locator('main h1').textContent();
        expect(subTitle?.length).toBeGreaterThan(0);

        // The agency link is reachable, then Tab leaves the page and comes round to the skip link: no trap.
        await tabTo(page, (f) => f.region === 'main' && f.href?.startsWith('http') === true);
        await tabTo(page, (f) => f.cls.includes('skip-link'), 40);

        // Backwards too.
        for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
        expect((await focused(page)).tag).not.toBe('body');
      } finally {
        await context.close();
      }
    });
  }

  it('phone, signed in by keyboard: sign in → dashboard → the life event → its offer, accepted', async () => {
    const base = app.server.url.replace('127.0.0.1', 'localhost'); // the session cookie's host
    const context = await app.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
    });
    const page = await context.newPage();
    try {
      await page.goto(base);
      await page.locator('main a.tile').first().waitFor();
      // "Sign in" in the top bar, then the provider's page: the demo person's button.
      await tabTo(page, (f) => f.region === 'header' && (f.href ?? '').startsWith('/auth/login'));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Demo sign-in' }).waitFor();
      await tabTo(page, (f) => f.tag === 'button' && f.text.startsWith('Kadri Tamm'));
      await page.keyboard.press('Enter');

      // The dashboard: the offer waiting for her answer is among the first things in main.
      // Her data arrives by the first sync, after the dashboard's first paint.
      await page.locator('main a[href^="/events/"]').first().waitFor();
      await tabTo(page, (f) => f.region === 'main' && (f.href ?? '').startsWith('/events/'));
      await page.keyboard.press('Enter');
      await page.waitForURL('**/events/*');
      await page.locator('main li.step').first().waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

      // On the status panel, the consent step links to its offer.
      await tabTo(page, (f) => f.region === 'main' && (f.href ?? '').startsWith('/offers/'), 80);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/offers/*');
      await page.locator('main .offer-basis').waitFor();
      await tabTo(page, (f) => f.tag === 'button' && f.text === 'Accept the offer', 60);
      await page.keyboard.press('Enter');
      await page.locator('.offer-status', { hasText: 'Accepted' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('respects prefers-reduced-motion: no transitions or animations', async () => {
    const moving = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion });
      const page = await context.newPage();
      try {
        const found = new Set<string>();
        for (const screen of SCREENS.filter((s) => !s.signedIn)) {
          await openScreen(page, app.server.url, screen);
          const here = await page.evaluate(() => {
            const list: string[] = [];
            const durations = (v: string) => v.split(',').some((d) => Number.parseFloat(d) > 0);
            for (const el of document.querySelectorAll<HTMLElement>('*')) {
              for (const pseudo of [null, '::before', '::after']) {
                const cs = getComputedStyle(el, pseudo);
                if (
                  durations(cs.transitionDuration) ||
                  (cs.animationName !== 'none' && durations(cs.animationDuration))
                ) {
                  list.push(`${el.tagName.toLowerCase()}.${el.className}${pseudo ?? ''}`);
                }
              }
            }
            if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') list.push('html smooth scroll');
            return list;
          });
          for (const h of here) found.add(`${screen.path}: ${h}`);
        }
        return [...found];
      } finally {
        await context.close();
      }
    };
    expect(await moving('reduce')).toEqual([]);
    // The check sees motion where it is allowed, so an empty list above means something.
    expect((await moving('no-preference')).length).toBeGreaterThan(0);
  });
});
