/**
 * Start-up figures (not a test): in headless Chromium with a 4× CPU slow-down, the time from navigation
 * to Home's content painted from IndexedDB (the life-event tiles; the signed-in dashboard once it exists),
 * cold (first visit, from the network) and warm (service worker + IndexedDB, network off).
 *
 *   npm run bench:start                 builds only when dist/ is missing
 *   npm run bench:start -- --runs=7 --build
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServer, waitForServiceWorker } from '../tests/e2e/browser';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const RUNS = Number(arg('runs') ?? 5);
const CPU_SLOWDOWN = 4;
/** What "Home painted" means: its content, read from IndexedDB. */
const HOME_CONTENT = 'main a.tile';

/** Records, relative to navigation start, when Home's content first appears and the frame after it. */
const MARKER = `(() => {
  const done = () => {
    if (window.__homeReady !== undefined || !document.querySelector(${JSON.stringify(HOME_CONTENT)})) return false;
    window.__homeReady = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.__homePainted = performance.now(); }, 0));
    return true;
  };
  new MutationObserver((_, observer) => { if (done()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true });
})();`;

async function slowPage(context: BrowserContext): Promise<Page> {
  await context.addInitScript({ content: MARKER });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return page;
}

async function timeToHome(page: Page, url: string, reload: boolean) {
  if (reload) await page.reload({ waitUntil: 'commit' });
  else await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as { __homePainted?: number }).__homePainted !== undefined, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    return { home: (window as unknown as { __homePainted: number }).__homePainted, fcp };
  });
}

const stats = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return `median ${Math.round(median)} ms  (min ${Math.round(s[0]!)}, max ${Math.round(s.at(-1)!)}, n=${s.length})`;
};

async function main() {
  if (process.argv.includes('--build') || !existsSync('dist/index.html')) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const server = await startServer();
  let browser: Browser | undefined;
  const cold = { home: [] as number[], fcp: [] as number[] };
  const warm = { home: [] as number[], fcp: [] as number[] };
  try {
    browser = await launchBrowser();
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'et-EE' });
      try {
        const page = await slowPage(context);
        const first = await timeToHome(page, server.url, false);
        cold.home.push(first.home);
        cold.fcp.push(first.fcp);
        await waitForServiceWorker(context, page);
        await context.setOffline(true);
        const again = await timeToHome(page, server.url, true);
        warm.home.push(again.home);
        warm.fcp.push(again.fcp);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
  console.log(`\nStart-up, headless Chromium, ${CPU_SLOWDOWN}× CPU slow-down, phone viewport, local server:`);
  console.log('  Home painted from IndexedDB (life-event tiles):');
  console.log(`    cold (first visit, network)           ${stats(cold.home)}`);
  console.log(`    warm (service worker, network off)    ${stats(warm.home)}`);
  console.log('  First contentful paint:');
  console.log(`    cold                                   ${stats(cold.fcp)}`);
  console.log(`    warm                                   ${stats(warm.fcp)}`);
}

await main();
