import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser';
import { readStore, signInAs } from './session';
import { useAppServer } from './suite';

const KADRI = '24304142717';

/**
 * Every state the app shows is true: an answer is pending until the server has applied it, a refusal
 * brings the task back with the reason, sign-out names what is unsent, a decline says what it means
 * first, a duty is no offer, and a step opens within the case.
 */
describe.skipIf(browserSkipReason())('what the app tells the person is true', () => {
  const app = useAppServer();
  let context: BrowserContext;
  let page: Page;

  async function newDevice(options?: BrowserContextOptions) {
    ({ context, page } = await app.newPhone(options));
  }

  const outboxLength = async () => (await readStore(page, 'outbox')).length;
  const task = (name: string) => page.locator('section[aria-labelledby="needs-action"] a', { hasText: name });

  it('an offer accepted offline is pending on the offer, the dashboard and at sign-out until the server applies it', async () => {
    await newDevice();
    await signInAs(page, app.server.url, 'Kadri Tamm');
    await task('The state offers: Parental benefit').click();
    await page.getByRole('heading', { level: 1, name: 'Parental benefit' }).waitFor();
    // Her account comes from the Social Insurance Board, which pays her child allowance into it.
    await page.getByLabel('Bank account (IBAN)').waitFor();
    expect(await page.getByLabel('Bank account (IBAN)').inputValue()).toBe('EE382200221020145685');
    await page.getByText('From: Social Insurance Board database').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Accept the offer' }).click();
    const status = page.locator('.offer-status');
    await status.getByText('Pending').waitFor();
    await status.getByText('Your acceptance has not reached the agency yet.').waitFor();
    await status.getByText('It will be sent when you are back online.').waitFor();
    expect(await status.getByText('Accepted').count()).toBe(0);

    await page.goto(`${app.server.url}/`);
    await task('The state offers: Parental benefit').getByText('Pending').waitFor();

    await page.goto(`${app.server.url}/more`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    const warning = page.getByRole('alertdialog');
    await warning.getByText('Changes not sent yet').waitFor();
    await warning.getByRole('listitem').filter({ hasText: 'Accepting an offer: Parental benefit' }).waitFor();
    await warning.getByRole('button', { name: 'Stay signed in' }).waitFor();

    // Back online the queue empties on its own, and the warning says so while it is open.
    await context.setOffline(false);
    await page.getByText('Everything has been sent. You can sign out now.').waitFor({ timeout: 20_000 });
    expect(await warning.count()).toBe(0);
    expect(await outboxLength()).toBe(0);

    await page.goto(`${app.server.url}/`);
    await page.locator('p.greeting').waitFor();
    await expect.poll(async () => task('The state offers: Parental benefit').count(), { timeout: 15_000 }).toBe(0);
    const [offer] = await app.server.db
      .query<{ id: string; status: string }>(
        `SELECT o.id, o.status FROM offers o JOIN persons p ON p.id = o.person_id
         WHERE p.personal_code = $1 AND o.sub_service_id = 'child-parental-benefit'`,
        [KADRI],
      )
      .then((r) => r.rows);
    expect(offer.status).toBe('accepted');
    await page.goto(`${app.server.url}/offers/${offer.id}`);
    await page.locator('.offer-status').getByText('Accepted', { exact: true }).waitFor();
  });

  it('checks the fields on the phone first; a refusal by the server brings the task back with the reason', async () => {
    await newDevice({ serviceWorkers: 'block' });
    await signInAs(page, app.server.url, 'Martin Tamm');
    await task('The state offers: Parental benefit').click();
    await page.getByRole('heading', { level: 1, name: 'Parental benefit' }).waitFor();
    // No register has his account: the field says so and asks for it, and names no register.
    await page.getByText('No register has this. Enter it.').waitFor();

    await page.getByRole('button', { name: 'Accept the offer' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('link', { name: /Bank account \(IBAN\): this is missing/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await page.getByLabel('Bank account (IBAN)').fill('EE12 3456');
    await page.getByRole('button', { name: 'Accept the offer' }).click();
    await page.locator('.field-error', { hasText: 'an Estonian IBAN has 20 characters' }).waitFor();
    expect(await outboxLength()).toBe(0);

    // The server refuses this one (as it would a deadline passed in the meantime).
    await page.route('**/api/mutations', async (route) => {
      const { mutations } = route.request().postDataJSON() as { mutations: { id: string }[] };
      await route.fulfill({
        json: {
          results: mutations.map((m) => ({ id: m.id, status: 'rejected', code: 'offer_expired', message: 'test' })),
        },
      });
    });
    await page.getByLabel('Bank account (IBAN)').fill('EE38 2200 2210 2014 5685');
    await page.getByRole('button', { name: 'Accept the offer' }).click();
    await page
      .locator('.offer-status [role="alert"]', { hasText: 'Not done: Accepting an offer.' })
      .getByText('The offer’s deadline has passed.')
      .waitFor();
    expect(await outboxLength()).toBe(0);
    await page.getByRole('button', { name: 'Accept the offer' }).waitFor();
    await page.goto(`${app.server.url}/`);
    await task('The state offers: Parental benefit').waitFor();
    expect(await task('The state offers: Parental benefit').getByText('Pending').count()).toBe(0);
  });

  it('says what a decline means before it, names the buttons for what they do, and lets the person take it back', async () => {
    await newDevice({ serviceWorkers: 'block' });
    await signInAs(page, app.server.url, 'Aivar Mägi');
    await task('The state offers: Old-age pension').click();
    await page.getByRole('heading', { level: 1, name: 'Old-age pension' }).waitFor();
    await page.getByRole('button', { name: 'Decline the offer' }).click();
    const screen = page.locator('form[aria-labelledby="offer-decline"]');
    await screen.getByRole('heading', { name: 'Before you decline' }).waitFor();
    await screen.getByText('The old-age pension is not granted or paid to you now.', { exact: false }).waitFor();
    await screen.getByText('the offer ends and the pension is not paid on its own', { exact: false }).waitFor();
    await screen.getByRole('button', { name: 'Keep the offer' }).waitFor();
    expect(await screen.getByRole('button', { name: /^Cancel$/ }).count()).toBe(0);
    await screen.getByRole('button', { name: 'Decline: Old-age pension' }).click();

    await page.locator('.offer-status').getByText('Declined', { exact: true }).waitFor({ timeout: 15_000 });
    const next = page.locator('section[aria-labelledby="offer-next"]');
    await next.getByRole('heading', { name: 'What next' }).waitFor();
    await next.getByRole('button', { name: 'Take back my decline' }).click();
    await page.locator('.offer-status').getByText('Waiting for your answer').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Accept the offer' }).waitFor();
  });

  it('shows a duty as what it is: no accept, no decline, no offer', async () => {
    await newDevice({ serviceWorkers: 'block' });
    await signInAs(page, app.server.url, 'Daniil Ivanov');
    await task('Duty: Call-up to conscript service').click();
    await page.getByRole('heading', { level: 1, name: 'You are called up to conscript service' }).waitFor();
    await page.getByText('Duty · ', { exact: false }).first().waitFor();
    await page.getByRole('link', { name: 'Apply for a deferral' }).waitFor();
    await page.getByRole('button', { name: 'Confirm the details' }).waitFor();
    expect(await page.getByRole('button', { name: /Decline|Accept/ }).count()).toBe(0);
    expect(
      await page
        .locator('main .offer-status, main section, main form')
        .getByText(/\boffer/i)
        .count(),
    ).toBe(0);
  });

  it('opens a step within the case; back returns to the case', async () => {
    await newDevice({ serviceWorkers: 'block' });
    await signInAs(page, app.server.url, 'Kadri Tamm', '/events');
    await page.getByRole('link', { name: /Having a child/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Having a child' }).waitFor();
    await page.getByRole('link', { name: 'Kindergarten place', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kindergarten place' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/events\/[0-9a-f-]+\/steps\/[0-9a-f-]+$/);
    await page.getByText('You can start this yourself', { exact: false }).waitFor();
    expect(await page.getByText('We will let you know').count()).toBe(0);
    await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
    await page.getByRole('link', { name: 'About this service' }).waitFor();
    await page.locator('a.back-link', { hasText: 'Having a child' }).click();
    await page.getByRole('heading', { level: 1, name: 'Having a child' }).waitFor();
  });
});
