import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgencyKey } from '../../src/server/agency/keys';
import { type AppServer, startAppServer } from './app-server';
import { browserSkipReason, launchBrowser, PHONE } from './browser';
import { signInAs } from './session';

const KADRI = '24304142717';

/** My data on a phone: an agency reports a use of the person's data; it shows after sync, also offline. */
describe.skipIf(browserSkipReason())('My data', () => {
  let server: AppServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
    page = await context.newPage();
    await signInAs(page, server.url, 'Kadri Tamm');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const entry = (text: RegExp) => page.locator('li.data-use', { hasText: text });

  it('an agency reports a use; after sync it shows in one sentence, also offline', async () => {
    await page.goto(`${server.url}/more`);
    await page.getByRole('link', { name: 'My data' }).click();
    await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    await entry(/Deciding and paying family benefits/).waitFor();

    const { key } = await createAgencyKey(server.db, 'tervisekassa', { scopes: ['data.used'] });
    const res = await fetch(`${server.url}/api/agency/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        id: 'e2e-health-insurance',
        type: 'data.used',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        personalCode: KADRI,
        register: 'population',
        categories: ['identity', 'address'],
        purpose: { code: 'health_insurance' },
        legalBasis: {
          text: {
            et: 'Ravikindlustuse seadus § 5',
            en: 'Health Insurance Act § 5',
            ru: 'Ravikindlustuse seadus § 5',
            uk: 'Ravikindlustuse seadus § 5',
          },
          url: 'https://www.riigiteataja.ee/akt/RaKS',
        },
        unit: 'Kindlustuse osakond',
      }),
    });
    expect(res.status).toBe(200);

    await page.getByRole('button', { name: 'Refresh' }).click();
    const use = entry(/Checking health insurance/);
    await use.waitFor();
    expect(await use.locator('.data-use-sentence').textContent()).toBe(
      'Health Insurance Fund (Kindlustuse osakond) used your data (name and personal code and address; source: Population register). Purpose: Checking health insurance.',
    );
    expect(await use.getByRole('link', { name: 'Health Insurance Act § 5' }).getAttribute('href')).toBe(
      'https://www.riigiteataja.ee/akt/RaKS',
    );

    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    await page.reload();
    await entry(/Checking health insurance/).waitFor();
    await page.getByText('You are offline', { exact: false }).waitFor();
    await context.setOffline(false);
  });

  it('filters by agency, groups by purpose, and the offer links to its own uses', async () => {
    await page.goto(`${server.url}/my-data`);
    await entry(/Checking health insurance/).waitFor();
    await page.getByLabel('Agency').selectOption({ label: 'Social Insurance Board' });
    await entry(/Checking health insurance/).waitFor({ state: 'detached' });
    expect(await page.locator('li.data-use').count()).toBe(1);
    await page.getByLabel('Agency').selectOption({ label: 'All agencies' });
    await page.getByLabel('Group by').selectOption('purpose');
    await page.getByRole('heading', { level: 2, name: 'Keeping the population register correct' }).waitFor();

    await entry(/Deciding and paying family benefits/)
      .getByRole('link', { name: 'See the offer' })
      .click();
    await page.getByRole('link', { name: 'See how your data was used' }).click();
    await page.getByText('You see the uses for one offer.').waitFor();
    await entry(/Deciding and paying family benefits/).waitFor();
    expect(await page.locator('li.data-use').count()).toBe(1);
  });
});
