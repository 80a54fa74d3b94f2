import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, PHONE } from './browser';
import { openScreen, SCREENS, signIn, useLanguage } from './screens';
import { useServer } from './suite';

/** A person who is stuck anywhere reaches a human in one tap: Help is in the top bar of every screen. */
describe.skipIf(browserSkipReason())('Help on a phone', () => {
  const app = useServer();

  async function tapHelp(page: Page) {
    await page.locator('header').getByRole('link', { name: 'Help', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Help and contacts' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/help');
  }

  for (const session of ['signed out', 'signed in'] as const) {
    it(`is one tap away from every screen, ${session}`, { timeout: 180_000 }, async () => {
      const context = await app.browser.newContext({ ...PHONE, locale: 'en-GB' });
      const page = await context.newPage();
      if (session === 'signed in') await signIn(page, app.server.publicUrl);
      await useLanguage(page, app.server.publicUrl, 'en');
      const reached: string[] = [];
      // Help itself is left out: the router does not re-render a push of the page it is on.
      const screens = SCREENS.filter((s) => Boolean(s.signedIn) === (session === 'signed in') && s.path !== '/help');
      for (const screen of screens) {
        await openScreen(page, app.server.publicUrl, screen, reached.length === 0);
        await tapHelp(page);
        reached.push(screen.name);
      }
      expect(reached).toEqual(screens.map((s) => s.name));
      await context.close();
    });
  }

  it('gives the state helpline and each agency’s phone and e-mail from the catalogue, in Ukrainian too', async () => {
    const context = await app.browser.newContext({ ...PHONE, locale: 'uk-UA' });
    const page = await context.newPage();
    await page.goto(`${app.server.publicUrl}/help`);
    await page.getByRole('heading', { level: 1, name: 'Допомога й контакти' }).waitFor();
    await page.getByRole('link', { name: 'Зателефонувати: 1247' }).waitFor();
    const ska = page.locator('.agency-contact', { hasText: 'Департамент соціального страхування' });
    expect(await ska.getByRole('link', { name: '+372 612 1360' }).getAttribute('href')).toBe('tel:+3726121360');
    expect(await ska.getByRole('link', { name: 'info@sotsiaalkindlustusamet.ee' }).count()).toBe(1);
    await context.close();
  });

  it('sets the language in one place, the top bar; Settings shows it and leads there', async () => {
    const context = await app.browser.newContext({ ...PHONE, locale: 'et-EE' });
    const page = await context.newPage();
    await page.goto(`${app.server.publicUrl}/settings`);
    await page.getByText('Rakenduse keel: Eesti.').waitFor();
    expect(await page.locator('select, input[type="radio"]').count()).toBe(1); // the top bar's select only
    await page.getByRole('link', { name: 'Muuda keelt' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language');
    await page.locator('header').getByLabel('Keel').selectOption('uk');
    await page.getByText('Мова застосунку: Українська.', { exact: false }).waitFor();
    await context.close();
  });

  it('offers Help and the full list when a search finds nothing, and finds a service by an everyday word', async () => {
    const context = await app.browser.newContext({ ...PHONE, locale: 'uk-UA' });
    const page = await context.newPage();
    await page.goto(`${app.server.publicUrl}/services?q=${encodeURIComponent('тимчасовий захист')}`);
    await page.locator('a.card-link', { hasText: 'Естонії' }).first().waitFor();
    await page.goto(`${app.server.publicUrl}/services?q=xyzzy`);
    await page.getByRole('heading', { name: 'Нічого не знайдено' }).waitFor();
    await page.locator('main').getByRole('link', { name: 'Показати всі послуги' }).click();
    await page.locator('a.card-link').nth(7).waitFor();
    await page.goto(`${app.server.publicUrl}/services?q=xyzzy`);
    await page.locator('main').getByRole('link', { name: 'Допомога й контакти' }).click();
    await page.getByRole('heading', { level: 1, name: 'Допомога й контакти' }).waitFor();
    await context.close();
  });
});
