import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser, PHONE, type RunningServer, startServer } from './browser';

/** Every screen is reachable by tapping, without knowing its address. */
describe.skipIf(browserSkipReason())('the More screen on a phone', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each([
    ['en-GB', 'Service ratings', 'How services are rated'],
    ['et-EE', 'Teenuste hinnangud', 'Kuidas teenuseid hinnatakse'],
  ])('in %s leads to how services are rated', async (locale, link, heading) => {
    const context = await browser.newContext({ ...PHONE, locale });
    const page = await context.newPage();
    await page.goto(`${server.url}/more`);
    await page.getByRole('link', { name: link }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/ratings');
    await context.close();
  });
});
