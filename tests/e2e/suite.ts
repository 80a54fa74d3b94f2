import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type AppServer, startAppServer } from './app-server';
import { launchBrowser, PHONE, type RunningServer, startServer } from './browser';

export interface Suite<S> {
  server: S;
  browser: Browser;
  /** A fresh phone, in English unless `options` say otherwise; the one this suite made before is closed. */
  newPhone(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
}

function useSuite<S>(start: () => Promise<S>, stop: (server: S) => Promise<void>): Suite<S> {
  let last: BrowserContext | undefined;
  const suite = {
    async newPhone(options: BrowserContextOptions = {}) {
      await last?.close();
      last = await suite.browser.newContext({ ...PHONE, locale: 'en-GB', ...options });
      return { context: last, page: await last.newPage() };
    },
  } as Suite<S>;
  beforeAll(async () => {
    suite.server = await start();
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    if (suite.server) await stop(suite.server);
  });
  return suite;
}

/**
 * The set-up of a browser test file, called in its describe block: one server and one Chromium for the
 * file, closed after its tests. This one runs the app in the test's process, on a database the test can
 * query and write (app-server.ts).
 */
export const useAppServer = (): Suite<AppServer> => useSuite(startAppServer, (server) => server.close());

/** The same, with the app run as `npm start` runs it, in a process of its own (browser.ts). */
export const useServer = (): Suite<RunningServer> => useSuite(startServer, (server) => server.stop());
