import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, PHONE } from './browser';
import { accountControl, holdRequests, openAccount } from './session';
import { useServer } from './suite';

/** Rows in each object store of the app's IndexedDB, read with the raw API (not the app's code). */
function storeCounts(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('minu-riik');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const names = [...idb.objectStoreNames];
          const tx = idb.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => {
              counts[name] = request.result;
            };
          }
          tx.oncomplete = () => {
            idb.close();
            resolve(counts);
          };
        };
      }),
  );
}

function sessionMetaKeys(page: Page) {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('minu-riik');
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').getAllKeys();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as string[]).filter((k) => k.startsWith('session.') || k.startsWith('sync.')));
          };
        };
      }),
  );
}

describe.skipIf(browserSkipReason())('sign-in on a phone through the embedded provider', () => {
  const app = useServer();

  it('signs in, shows the name, stays signed in over a reload, and signs out leaving no personal data', async () => {
    // Service workers blocked, so that the page's own requests can be held below.
    const context = await app.browser.newContext({ ...PHONE, locale: 'en-GB', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(app.server.publicUrl);

    // Signed out: what the app is, and "Sign in"; the public catalogue stays reachable.
    await page.getByRole('heading', { name: 'Sign in to see your own services' }).waitFor();
    await page.goto(`${app.server.publicUrl}/services`);
    await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor();
    await page.goto(`${app.server.publicUrl}/inbox`);
    await page.locator('header').getByRole('link', { name: 'Sign in' }).click();

    // The provider's own page, in the app's language, listing the demo people.
    await page.getByRole('heading', { level: 1, name: 'Demo sign-in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: 'Sign in as Kadri Tamm' }).click();

    // Back where they wanted to go, with their name in the shell.
    await page.waitForURL(`${app.server.publicUrl}/inbox`);
    const name = accountControl(page, 'Kadri Tamm');
    await name.waitFor();
    expect(await storeCounts(page)).toMatchObject({ profile: 1 });
    expect((await context.cookies()).find((c) => c.name === 'mr_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(await page.evaluate(() => document.cookie)).not.toContain('mr_session');

    await page.reload();
    await name.waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);
    // Kadri acts for her daughter: Marta's rows are on the phone too, in a database of their own.
    const subjectDbs = () =>
      page.evaluate(async () =>
        (await indexedDB.databases()).flatMap((d) => (d.name?.startsWith('minu-riik-subject-') ? [d.name] : [])),
      );
    await expect.poll(async () => (await subjectDbs()).length, { timeout: 15_000 }).toBe(1);

    // A change queued in an earlier visit and still unsent (its sending held, as on a stalled connection):
    // sign-out says so first. Written straight to IndexedDB, so the page is reloaded to read it.
    await holdRequests(page, '**/api/mutations');
    await page.evaluate(
      (personId) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('minu-riik');
          open.onsuccess = () => {
            const tx = open.result.transaction('outbox', 'readwrite');
            tx.objectStore('outbox').add({
              id: crypto.randomUUID(),
              personId,
              type: 'settings.update',
              payload: { language: 'en' },
              createdAt: new Date().toISOString(),
              attempts: 0,
              undo: [],
            });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const open = indexedDB.open('minu-riik');
            open.onsuccess = () => {
              const r = open.result.transaction('profile').objectStore('profile').get('me');
              r.onsuccess = () => resolve(r.result.personId);
            };
          }),
      ),
    );

    await page.reload();
    await name.waitFor();
    await openAccount(page, 'Kadri Tamm');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('1 change has not been sent yet').waitFor();
    await page.getByRole('button', { name: 'Discard and sign out' }).click();

    // Through the provider's logout and back to the signed-out start.
    await page.waitForURL(`${app.server.publicUrl}/`);
    await page.getByRole('heading', { name: 'Sign in to see your own services' }).waitFor();
    const counts = await storeCounts(page);
    for (const table of [
      'profile',
      'settings',
      'cases',
      'steps',
      'offers',
      'notifications',
      'feedbackRequests',
      'outbox',
    ])
      expect(counts[table], table).toBe(0);
    expect(await sessionMetaKeys(page)).toEqual([]);
    expect(await subjectDbs()).toEqual([]);
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    await context.close();
  });

  it('explains a cancelled sign-in on the start screen', async () => {
    const context = await app.browser.newContext({ ...PHONE, locale: 'et-EE' });
    const page = await context.newPage();
    await page.goto(app.server.publicUrl);
    await page.locator('.sign-in-card').getByRole('link', { name: 'Logi sisse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Näidiskeskkonna sisselogimine' }).waitFor();
    await page.getByRole('button', { name: 'Katkesta ja mine tagasi' }).click();
    await page.getByRole('alert').getByText('Katkestasid sisselogimise.').waitFor();
    await context.close();
  });
});
