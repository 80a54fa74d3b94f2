import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from './app-server';
import { browserSkipReason, launchBrowser, PHONE, waitForServiceWorker } from './browser';
import { signInAs } from './session';

/** The line that says when the device's copy was last updated, on a signed-in phone. */
describe.skipIf(browserSkipReason())('sync status of a signed-in person', () => {
  let server: AppServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('offers Refresh only while there is a network to refresh from', async () => {
    context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
    page = await context.newPage();
    await signInAs(page, server.url, 'Kadri Tamm');
    const origin = new URL(page.url()).origin;
    const line = page.locator('.sync-line');
    const refresh = line.getByRole('button', { name: 'Refresh' });
    const banner = page.getByText('You are offline', { exact: false });
    await line.getByText(/^Updated /).waitFor();
    await refresh.waitFor();
    await waitForServiceWorker(context, page);

    await context.setOffline(true);
    await banner.waitFor();
    await expect.poll(() => refresh.count()).toBe(0);
    expect(await line.getByText(/^Updated /).count()).toBe(1);

    await context.setOffline(false);
    await refresh.waitFor();
    await expect.poll(() => banner.count()).toBe(0);

    // Opened offline: no Refresh from the start.
    await context.setOffline(true);
    await page.goto(`${origin}/events`);
    await banner.waitFor();
    await line.getByText(/^Updated /).waitFor();
    expect(await refresh.count()).toBe(0);
    await context.setOffline(false);
    await refresh.waitFor();
  });
});
