import type { Page } from 'playwright-core';

/** Signs in through the embedded provider's demo page as the named demo person; back on `path`. */
export async function signInAs(page: Page, base: string, name: string, path = '/'): Promise<void> {
  await page.goto(`${base}${path}`);
  await page
    .locator('header')
    .getByRole('link', { name: /^(Sign in|Logi sisse|Войти|Увійти)$/ })
    .click();
  await page.getByRole('button', { name: new RegExp(`${name}$`) }).click();
  await accountControl(page, name).waitFor();
}

/** The top bar's account place with the person's name: a link, or for someone who acts for others the switcher. */
export function accountControl(page: Page, name: string) {
  const header = page.locator('header');
  return header
    .getByRole('link', { name: new RegExp(name) })
    .or(header.getByRole('button', { name: new RegExp(name) }))
    .first();
}

/**
 * Rows of one object store of the app's IndexedDB (or of another of its databases, e.g. a subject's),
 * read with the raw API (not the app's code).
 */
export function readStore<T = Record<string, unknown>>(
  page: Page,
  store: string,
  database = 'minu-riik',
): Promise<T[]> {
  return page.evaluate(
    ([name, database]) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
        };
      }),
    [store, database] as const,
  );
}

/**
 * Holds the page's requests to `url` until the returned release() is called. The context must block
 * service workers, so that the page makes its requests itself.
 */
export async function holdRequests(page: Page, url: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Opens the person's account in More from the top bar: through the switcher's list for someone who acts for others. */
export async function openAccount(page: Page, name: string): Promise<void> {
  await accountControl(page, name).click();
  const list = page.locator('#acting-list');
  if (await list.isVisible()) await list.getByRole('link', { name: 'Your account and sign-out' }).click();
}
