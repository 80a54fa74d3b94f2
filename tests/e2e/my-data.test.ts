import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgencyKey } from '../../src/server/agency/keys';
import { browserSkipReason } from './browser';
import { signInAs } from './session';
import { useAppServer } from './suite';

const KADRI = '24304142717';

/**
 * My data on a phone: an agency reports a use of the person's data; it shows after sync, also offline;
 * the person asks about it; the agency answers; the answer shows.
 */
describe.skipIf(browserSkipReason())('My data', () => {
  const app = useAppServer();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await app.newPhone());
    await signInAs(page, app.server.url, 'Kadri Tamm');
  });

  const entry = (text: RegExp) => page.locator('li.data-use', { hasText: text });

  it('an agency reports a use; after sync it shows in one sentence, also offline', async () => {
    await page.goto(`${app.server.url}/more`);
    await page.getByRole('link', { name: 'My data' }).click();
    await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    await entry(/Deciding and paying family benefits/).waitFor();

    const { key } = await createAgencyKey(app.server.db, 'tervisekassa', { scopes: ['data.used'] });
    const res = await fetch(`${app.server.url}/api/agency/events`, {
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
    await page.goto(`${app.server.url}/my-data`);
    await entry(/Checking health insurance/).waitFor();
    await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'Social Insurance Board' });
    await entry(/Checking health insurance/).waitFor({ state: 'detached' });
    await entry(/Deciding and paying family benefits/).waitFor();
    expect(await page.locator('li.data-use').count()).toBe(1);
    await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'All agencies' });
    await page.getByLabel('Group by', { exact: true }).selectOption('purpose');
    await page.getByRole('heading', { level: 2, name: 'Keeping the population register correct' }).waitFor();

    await entry(/Deciding and paying family benefits/)
      .getByRole('link', { name: 'See the offer' })
      .click();
    await page.getByRole('link', { name: 'See how your data was used' }).click();
    await page.getByText('You see the uses for one offer.').waitFor();
    await entry(/Deciding and paying family benefits/).waitFor();
    expect(await page.locator('li.data-use').count()).toBe(1);
  });

  it('the person asks about a use; the agency sees the question and answers; the answer shows', async () => {
    await page.goto(`${app.server.url}/my-data`);
    const use = entry(/Checking health insurance/);
    await use.getByText('Ask about this use').click();
    await use.getByLabel('Your question to the agency').fill('Why did you need my address?');
    await use.getByRole('button', { name: 'Send the question' }).click();
    await use.getByText('Why did you need my address?').waitFor();
    await use.getByText(/The answer is due by/).waitFor();
    await use.locator('.pending-note').waitFor({ state: 'detached' });

    const { key } = await createAgencyKey(app.server.db, 'tervisekassa', { scopes: ['data_use.answered'] });
    const auth = { authorization: `Bearer ${key}` };
    const listed = await fetch(`${app.server.url}/api/agency/questions`, { headers: auth });
    const { questions } = (await listed.json()) as { questions: { id: string; text: string; personalCode: string }[] };
    expect(questions).toEqual([expect.objectContaining({ text: 'Why did you need my address?', personalCode: KADRI })]);
    const res = await fetch(`${app.server.url}/api/agency/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({
        id: 'e2e-answer',
        type: 'data_use.answered',
        occurredAt: new Date().toISOString(),
        questionId: questions[0].id,
        answer: 'To check that you are insured in Estonia.',
      }),
    });
    expect(res.status).toBe(200);

    await page.getByRole('button', { name: 'Refresh' }).click();
    await use.locator('.data-use-answer', { hasText: 'To check that you are insured in Estonia.' }).waitFor();
    await page.goto(`${app.server.url}/inbox`);
    await page.getByRole('heading', { name: /Your question has been answered/ }).waitFor();
  });
});
