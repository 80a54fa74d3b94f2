/**
 * Bundle budget (DESIGN.md §7): builds the app, then sums the gzip size of what the first screen loads —
 * index.html's entry script, its modulepreloads and their static imports, the stylesheets, and the
 * language's first part (the first screen's strings; the rest loads after it paints, scripts/first-strings.ts)
 * — and of the whole service-worker precache. Exits 1 over budget: the first screen's JS
 * in the default language over 45 KB (the bar the app holds itself to), in any language over 100 KB
 * (DESIGN.md's), or its CSS over 15 KB.
 *
 * Where Chromium is there (CHROME_PATH), it also loads Home once as a first visit (no service worker,
 * so the precache is not counted) and prints every byte that visit fetched, gzip as served.
 *
 *   npm run check:budget            builds first
 *   npm run check:budget -- --no-build   measures the existing dist/
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { browserSkipReason, launchBrowser, PHONE, startServer } from '../tests/e2e/browser';

export const BUDGET = { js: 45 * 1024, jsAnyLanguage: 100 * 1024, css: 15 * 1024 };
const DIST = 'dist';
const DEFAULT_LANG = 'et';

const gzipSize = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A URL path as in index.html or an import ("/assets/x.js", "./x.js") → a path inside dist/. */
function distPath(ref: string, from = ''): string {
  const path = ref.startsWith('/') ? ref.slice(1) : join(from, ref);
  return normalize(path).replaceAll('\\', '/');
}

/** The chunks a JavaScript file imports statically (what the browser must fetch before running it). */
function staticImports(file: string): string[] {
  const source = readFileSync(join(DIST, file), 'utf8');
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const found = new Set<string>();
  // Minified ES modules: import{a as b}from"./x.js"; import"./x.js"; export{...}from"./x.js"
  for (const m of source.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    found.add(distPath(m[1]!, dir));
  }
  return [...found];
}

/** The first part of every language's strings, from the import.meta.glob maps in the built code. */
function languageChunks(): Map<string, string> {
  const map = new Map<string, string>();
  const assets = readFileSync(join(DIST, 'sw.js'), 'utf8').match(/assets\/[\w.-]+\.js/g) ?? [];
  for (const file of new Set(assets)) {
    const source = readFileSync(join(DIST, file), 'utf8');
    for (const m of source.matchAll(
      /locales\/(\w+)\/translation\.json["']?\s*:\s*\(\)\s*=>[^`"']*?import\(\s*[`"'](\.{1,2}\/translation-first-[^`"']+\.js)[`"']/g,
    )) {
      map.set(m[1]!, distPath(m[2]!, 'assets/'));
    }
  }
  return map;
}

/** Every URL in the service worker's precache manifest. */
function precacheEntries(): string[] {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  return [...new Set([...sw.matchAll(/["']?\burl["']?\s*:\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!))];
}

interface Row {
  file: string;
  kind: 'js' | 'css';
  why: string;
  gzip: number;
}

export function measure() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const rows: Row[] = [];
  const seen = new Set<string>();
  const addJs = (file: string, why: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    rows.push({ file, kind: 'js', why, gzip: gzipSize(file) });
    for (const dep of staticImports(file)) addJs(dep, `imported by ${file.replace('assets/', '')}`);
  };
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) addJs(distPath(m[1]!), 'entry');
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    addJs(distPath(m[1]!), 'modulepreload');
  }
  const langs = languageChunks();
  if (langs.size === 0) throw new Error('No language chunks found in the build');
  const langSizes = [...langs].map(([lang, file]) => ({ lang, file, gzip: gzipSize(file) }));
  // Count the default language; the check below also holds for the largest one.
  const def = langSizes.find((l) => l.lang === DEFAULT_LANG) ?? langSizes[0]!;
  rows.push({ file: def.file, kind: 'js', why: `first strings (${def.lang})`, gzip: def.gzip });
  for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const file = distPath(m[1]!);
    rows.push({ file, kind: 'css', why: 'stylesheet', gzip: gzipSize(file) });
  }
  // The first screen's stylesheet is inline (scripts/first-frame.ts).
  for (const m of html.matchAll(/<style>([^<]*)<\/style>/g)) {
    rows.push({
      file: 'index.html <style>',
      kind: 'css',
      why: 'stylesheet, inline',
      gzip: gzipSync(m[1]!, { level: 9 }).length,
    });
  }
  const js = rows.filter((r) => r.kind === 'js').reduce((s, r) => s + r.gzip, 0);
  const css = rows.filter((r) => r.kind === 'css').reduce((s, r) => s + r.gzip, 0);
  const largestLang = Math.max(...langSizes.map((l) => l.gzip));
  const worstJs = js - def.gzip + largestLang;

  const precache = precacheEntries().filter((url) => existsSync(join(DIST, url)));
  const precacheGzip = precache.reduce((s, url) => s + gzipSize(url), 0);
  const precacheRaw = precache.reduce((s, url) => s + statSync(join(DIST, url)).size, 0);
  return { rows, js, worstJs, css, html: gzipSize('index.html'), langSizes, precache, precacheGzip, precacheRaw };
}

/**
 * Loads Home as a first visit on a phone, with service workers blocked, until the network is quiet; returns
 * what it fetched, each response's body gzip -9 (the server compresses; this counts the same way as above).
 */
async function firstVisit(): Promise<{ path: string; gzip: number }[]> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ ...PHONE, locale: 'et-EE', serviceWorkers: 'block' });
    const page = await context.newPage();
    const fetched: Promise<{ path: string; gzip: number }>[] = [];
    context.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== server.url) return;
      fetched.push(
        response
          .body()
          .then((body) => ({ path: url.pathname, gzip: gzipSync(body, { level: 9 }).length }))
          .catch(() => ({ path: url.pathname, gzip: 0 })),
      );
    });
    await page.goto(server.url, { waitUntil: 'networkidle' });
    // The catalogue is on the device: the visit's work is done.
    await page.locator('.tile-grid a.tile').first().waitFor();
    await page.waitForLoadState('networkidle');
    return await Promise.all(fetched);
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    // A separate process with NODE_ENV=production, as CI builds.
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const { rows, js, worstJs, css, html, langSizes, precache, precacheGzip, precacheRaw } = measure();

  const width = Math.max(...rows.map((r) => r.file.length), 20);
  console.log('\nFirst screen (what index.html loads before Home paints), gzip -9:\n');
  console.log(`  ${'file'.padEnd(width)}  ${'gzip'.padStart(9)}  why`);
  for (const r of [...rows].sort((a, b) => b.gzip - a.gzip)) {
    console.log(`  ${r.file.padEnd(width)}  ${kb(r.gzip).padStart(9)}  ${r.why}`);
  }
  console.log(`\n  languages: ${langSizes.map((l) => `${l.lang} ${kb(l.gzip)}`).join(', ')}`);
  console.log(
    `\n  JS   ${kb(js).padStart(9)}  budget ${kb(BUDGET.js)}` +
      `  (with the largest language ${kb(worstJs)}, budget ${kb(BUDGET.jsAnyLanguage)})`,
  );
  console.log(`  CSS  ${kb(css).padStart(9)}  budget ${kb(BUDGET.css)}`);
  console.log(
    `  HTML ${kb(html).padStart(9)}  index.html whole: the first frame, its strings in four languages, the CSS`,
  );
  console.log(
    `\nPrecache (dist/sw.js manifest): ${precache.length} files, ${kb(precacheRaw)} raw, ${kb(precacheGzip)} gzip\n`,
  );

  if (browserSkipReason()) console.log(`First visit not measured: ${browserSkipReason()}\n`);
  else {
    const visit = await firstVisit();
    const sum = (rows: typeof visit) => rows.reduce((s, r) => s + r.gzip, 0);
    const data = sum(visit.filter((r) => r.path.startsWith('/api/')));
    const total = sum(visit);
    console.log(
      `First visit to Home (everything fetched, no service worker), gzip -9: ${kb(total)}` +
        ` (app ${kb(total - data)}, data ${kb(data)})\n`,
    );
    for (const r of [...visit].sort((a, b) => b.gzip - a.gzip)) {
      console.log(`  ${r.path.padEnd(width)}  ${kb(r.gzip).padStart(9)}`);
    }
    console.log('');
  }

  const failures: string[] = [];
  if (js > BUDGET.js) failures.push(`first-screen JS (${DEFAULT_LANG}) ${kb(js)} > ${kb(BUDGET.js)}`);
  if (worstJs > BUDGET.jsAnyLanguage) {
    failures.push(`first-screen JS, largest language, ${kb(worstJs)} > ${kb(BUDGET.jsAnyLanguage)}`);
  }
  if (css > BUDGET.css) failures.push(`first-screen CSS ${kb(css)} > ${kb(BUDGET.css)}`);
  if (failures.length) {
    console.error(`✗ Over budget: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('✓ Within budget');
}

await main();
