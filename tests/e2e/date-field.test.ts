import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser';
import { useLanguage } from './screens';
import { signInAs } from './session';
import { useAppServer } from './suite';

/**
 * A date field reads and takes the date the way the screen's language writes it, whatever the browser's
 * own language: an American browser would draw a native date picker as mm/dd/yyyy.
 */
describe.skipIf(browserSkipReason())('a date field in an American browser', () => {
  const app = useAppServer();

  async function openParentalBenefit(page: Page) {
    await page.locator('a.offer-card').first().waitFor();
    await page.locator('a.offer-card', { hasText: /Parental benefit|Vanemahüvitis/ }).click();
    return page.locator('#offer-field-startDate');
  }

  it('shows day, month and year in Estonian and in English, and saves what the person typed', async () => {
    const { page } = await app.newPhone({ locale: 'en-US', timezoneId: 'America/New_York' });
    await signInAs(page, app.server.url, 'Kadri Tamm');
    await useLanguage(page, app.server.url, 'et');
    await page.goto(`${app.server.url}/offers`);
    const etField = await openParentalBenefit(page);
    // Marta Tamm was born on 19.09.2026: the benefit may start that day.
    expect(await etField.inputValue()).toBe('19.09.2026');
    expect(await etField.getAttribute('type')).toBe('text');
    await page.getByText('Kirjuta päev, kuu ja aasta, näiteks 05.03.2027').waitFor();

    await useLanguage(page, app.server.url, 'en');
    await page.goto(`${app.server.url}/offers`);
    const field = await openParentalBenefit(page);
    expect(await field.inputValue()).toBe('19/09/2026');
    await page.getByText('Write the day, month and year, for example 05/03/2027').waitFor();

    // Month first, as an American would type it, is no date read day first: refused, nothing sent.
    await field.fill('09/25/2026');
    await page.getByRole('button', { name: 'Accept the offer' }).click();
    await page.locator('#offer-error-startDate', { hasText: 'write the date as dd/mm/yyyy' }).waitFor();

    await field.fill('1.10.2026');
    await page.getByRole('button', { name: 'Accept the offer' }).click();
    await page.locator('.offer-status', { hasText: /Accepted|Pending/ }).waitFor();
    await expect
      .poll(
        async () =>
          (
            await app.server.db.query<{ start: string }>(
              `SELECT o.accepted_fields->>'startDate' AS start FROM offers o JOIN steps s ON s.id = o.step_id
               JOIN persons p ON p.id = o.person_id
               WHERE p.personal_code = '24304142717' AND s.sub_service_id = 'child-parental-benefit'
                 AND o.status = 'accepted'`,
            )
          ).rows,
        { timeout: 15_000 },
      )
      .toEqual([{ start: '2026-10-01' }]);
  });
});
