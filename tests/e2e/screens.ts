import type { Page } from 'playwright-core';
import { LANGS, type Lang } from '../../src/contract/langs';
import { readStore, signInAs } from './session';

/**
 * Every screen of the app, for the gates that must visit them all (axe in a11y.test.ts; more to come).
 * A new screen adds one line here. `ready` is a CSS selector that exists only once the screen's own
 * content has rendered (its data read from IndexedDB), so a check never runs on a half-drawn screen.
 */
export interface Screen {
  name: string;
  path: string;
  ready?: string;
  /** Screens that need a session: visited after `signIn`. */
  signedIn?: boolean;
  /** What the person does on the screen once it is ready, to bring it to the state checked (open a list…). */
  prepare?: (page: Page) => Promise<void>;
}

/** The header's switcher of whose data to show (Kadri Tamm acts for her daughter Marta), opened. */
async function openSwitcher(page: Page): Promise<void> {
  if (await page.locator('#acting-list').isVisible()) return;
  // By keyboard: a gate may have left the page scrolled or the compact menu open (the gates check what covers what).
  await page.locator('#acting-switcher').focus();
  await page.keyboard.press('Enter');
  await page.locator('#acting-list').waitFor();
}

export const SCREENS: Screen[] = [
  // Home first: it waits for the catalogue in IndexedDB, which the detail screens read too.
  { name: 'Home', path: '/', ready: 'a.tile' },
  { name: 'Life events', path: '/events', ready: '.empty-state' },
  { name: 'Offers', path: '/offers', ready: '.empty-state' },
  { name: 'Inbox', path: '/inbox' },
  { name: 'More', path: '/more', ready: 'a.card-link' },
  { name: 'Services', path: '/services', ready: 'a.card-link' },
  { name: 'Event service', path: '/services/having-a-child', ready: 'a.card-link' },
  { name: 'Sub-service', path: '/services/having-a-child/child-birth-registration', ready: '.facts' },
  { name: 'Service not found', path: '/services/no-such-service', ready: '.empty-state' },
  { name: 'Settings', path: '/settings', ready: '#settings-language' },
  { name: 'Help', path: '/help', ready: '.agency-contact' },
  { name: 'Accessibility statement', path: '/accessibility', ready: '.prose' },
  { name: 'Not found', path: '/no-such-page', ready: '.empty-state' },
  { name: 'Ratings', path: '/ratings', ready: '.lead' },
  { name: 'My data', path: '/my-data', ready: '.empty-state' },
  // Signed in as the new parent Kadri Tamm, whose demo data fills every screen.
  { name: 'Dashboard', path: '/', ready: '.greeting', signedIn: true },
  { name: 'Life events (own)', path: '/events', ready: 'a.card-link', signedIn: true },
  { name: 'Life event status', path: '/events/:firstCase', ready: 'li.step', signedIn: true },
  { name: 'Inbox (own)', path: '/inbox', ready: '.notification', signedIn: true },
  { name: 'Settings (own)', path: '/settings', ready: '#push-title', signedIn: true },
  { name: 'More (own)', path: '/more', ready: 'a.card-link', signedIn: true },
  { name: 'Help (own)', path: '/help', ready: '.agency-contact', signedIn: true },
  { name: 'Offers (own)', path: '/offers', ready: 'a.offer-card', signedIn: true },
  { name: 'Offer', path: '/offers/:firstOffer', ready: '#offer-why', signedIn: true },
  { name: 'Step of a life event', path: ':firstStep', ready: '#step-history', signedIn: true },
  { name: 'Feedback', path: '/feedback/:firstFeedback', ready: '.scale', signedIn: true },
  { name: 'My data (own)', path: '/my-data', ready: '.data-use', signedIn: true },
  // Kadri's parental rights over Marta, and the form to give an authorisation.
  { name: 'Authorisations', path: '/authorisations', ready: '.mandate-card', signedIn: true },
  // Last: acting for Marta lasts until the next full load, which each language's first screen is.
  { name: 'Whose data (switcher open)', path: '/offers', ready: 'a.offer-card', signedIn: true, prepare: openSwitcher },
  {
    name: 'Acting for someone (banner)',
    path: '/',
    ready: '.greeting',
    signedIn: true,
    prepare: async (page) => {
      await openSwitcher(page);
      await page.locator('#acting-list button', { hasText: 'Marta Tamm' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('main .acting-banner').waitFor();
      await page.locator('main .greeting').waitFor();
    },
  },
];

export const LANGUAGES: readonly Lang[] = LANGS;

export const VIEWPORTS = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  // Under 22.4 em the bottom bar is a menu (base.css): the a11y suite opens it on every screen.
  { name: 'compact menu', viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
] as const;

export const COLOR_SCHEMES = ['light', 'dark'] as const;

/** Signs the page's browser context in as the demo person Kadri Tamm through the embedded provider. */
export async function signIn(page: Page, baseUrl: string): Promise<void> {
  await signInAs(page, baseUrl, 'Kadri Tamm');
}

/** `:firstCase` and `:firstOffer` in a path stand for the id of the first life event or offer on the device; `:firstStep` for the first step's page in its case. */
async function resolvePath(page: Page, path: string): Promise<string> {
  if (path === ':firstStep') {
    const [step] = await readStore<{ id: string; caseId: string }>(page, 'steps');
    return `/events/${step.caseId}/steps/${step.id}`;
  }
  for (const [placeholder, store] of [
    [':firstCase', 'cases'],
    [':firstOffer', 'offers'],
    [':firstFeedback', 'feedbackRequests'],
  ] as const) {
    if (path.includes(placeholder)) {
      const [first] = await readStore<{ id: string }>(page, store);
      return path.replace(placeholder, first.id);
    }
  }
  return path;
}

/** Chooses the app's language the way a returning person's saved choice does. */
export async function useLanguage(page: Page, baseUrl: string, lang: Lang): Promise<void> {
  if (!page.url().startsWith(baseUrl)) await page.goto(baseUrl);
  await page.evaluate((l) => localStorage.setItem('minu-riik.lang', l), lang);
}

/**
 * Opens a screen: a full load for the first one, the client router after that (fast, like a person
 * tapping a link). Resolves when the new screen's heading and its `ready` content are there.
 */
export async function openScreen(page: Page, baseUrl: string, screen: Screen, reload = false): Promise<void> {
  const path = await resolvePath(page, screen.path);
  const url = new URL(path, baseUrl).href;
  if (reload || !page.url().startsWith(baseUrl)) {
    await page.goto(url);
  } else {
    await page.evaluate((path) => {
      for (const h of document.querySelectorAll('main h1')) h.setAttribute('data-stale', '');
      history.pushState(null, '', path);
      dispatchEvent(new PopStateEvent('popstate'));
    }, path);
  }
  await page.locator('main h1:not([data-stale])').first().waitFor({ timeout: 15_000 });
  if (screen.ready) await page.locator(`main ${screen.ready}`).first().waitFor({ timeout: 15_000 });
  await screen.prepare?.(page);
  // Let a just-arrived live query and the focus move settle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
