import { describe, expect, it } from 'vitest';
import { browserSkipReason, PHONE } from './browser';
import { useServer } from './suite';

/** Every screen is reachable by tapping, without knowing its address. */
describe.skipIf(browserSkipReason())('the More screen on a phone', () => {
  const app = useServer();

  it.each([
    ['en-GB', 'Service ratings', 'How services are rated'],
    ['et-EE', 'Teenuste hinnangud', 'Kuidas teenuseid hinnatakse'],
  ])('in %s leads to how services are rated', async (locale, link, heading) => {
    const context = await app.browser.newContext({ ...PHONE, locale });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/more`);
    await page.getByRole('link', { name: link }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/ratings');
    await context.close();
  });
});
