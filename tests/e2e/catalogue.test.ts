import { describe, expect, it } from 'vitest';
import { browserSkipReason, PHONE, waitForServiceWorker } from './browser';
import { useServer } from './suite';

describe.skipIf(browserSkipReason())('catalogue on a phone, online and offline', () => {
  const app = useServer();

  it('switches to Russian, opens a service, and shows it again offline after a reload', async () => {
    const context = await app.browser.newContext({ ...PHONE, locale: 'et-EE' });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Riik, mis töötab sinu heaks');
    expect(await page.getAttribute('html', 'lang')).toBe('et');

    await page.getByLabel('Keel').selectOption('ru');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ru');
    await page.locator('a[href="/services/having-a-child"]').click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    expect(title).toMatch(/[а-яё]/i);
    const url = page.url();
    expect(url).toContain('/services/having-a-child');

    await waitForServiceWorker(context, page);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await expect.poll(() => page.getByText('Нет подключения к сети', { exact: false }).isVisible()).toBe(true);
    await context.close();
  });

  it('finds a service by a search without diacritics', async () => {
    const context = await app.browser.newContext({ ...PHONE, locale: 'et-EE' });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/services`);
    await page.getByLabel('Otsi teenuseid').fill('sunni');
    await expect.poll(() => page.getByRole('link', { name: /Lapse saamine/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: /Abiellumine/ }).count()).toBe(0);
    await context.close();
  });
});
