/**
 * Lighthouse gate (DESIGN.md §7): serves the production build from the real server, runs Lighthouse
 * five times on Home with its default mobile emulation and simulated throttling in Debian's Chromium
 * (CHROME_PATH), prints the medians and fails below performance 95, accessibility 100 and best
 * practices 100.
 *
 * Total blocking time is the observed main-thread time × 4, so on this 2-core VM a single run swings
 * by several points (more while other jobs load the CPU); the median of five is what is gated. It
 * holds at 95 because the first screen keeps its long tasks short: data (Dexie, zod, the catalogue)
 * and the service worker start only after the first paint, and the work after it is split into tasks
 * (i18n set-up / shell / screen; database open / each live query; zod / the check / the write).
 * Each run's report is kept to see what a failing run spent its time on.
 *
 *   npm run check:lighthouse                 builds only when dist/ is missing
 *   npm run check:lighthouse -- --build      builds first
 *   npm run check:lighthouse -- --runs=5 --url=/services
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_PATH, startServer } from '../tests/e2e/browser';

const THRESHOLDS = { performance: 95, accessibility: 100, 'best-practices': 100 } as const;
const CATEGORIES = [...Object.keys(THRESHOLDS), 'seo'];
const METRICS = {
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  fcp: 'first-contentful-paint',
  si: 'speed-index',
} as const;

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const RUNS = Number(arg('runs') ?? 5);
const PATH = arg('url') ?? '/';
const REPORT_DIR = 'node_modules/.cache/lighthouse';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface RunResult {
  scores: Record<string, number>;
  metrics: Record<keyof typeof METRICS, number>;
  /** Audits that lost points, per category, to say what to fix. */
  failing: string[];
}

async function runOnce(url: string, index: number): Promise<RunResult> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(`${REPORT_DIR}/run-${index + 1}.json`, JSON.stringify(lhr));

    const scores: Record<string, number> = {};
    const failing: string[] = [];
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      scores[id] = Math.round((category?.score ?? 0) * 100);
      for (const ref of category?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
        if (audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'informative') continue;
        failing.push(
          `${id}: ${audit.id} (${audit.score}) ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}`,
        );
      }
    }
    const metrics = Object.fromEntries(
      Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id]?.numericValue ?? Number.NaN]),
    ) as RunResult['metrics'];
    for (const warning of lhr.runWarnings) console.warn(`  ⚠ ${warning}`);
    return { scores, metrics, failing };
  } finally {
    chrome.kill();
  }
}

/**
 * Lighthouse sometimes fails to record the trace at all (e.g. NO_NAVSTART): that run measured nothing,
 * so it is run again, at most twice. A run that measured something always counts, whatever it scored.
 */
async function runWithRetry(url: string, index: number): Promise<RunResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(url, index);
    } catch (error) {
      if (attempt === 3 || !(error instanceof Error) || !error.message.startsWith('Lighthouse: ')) throw error;
      console.warn(`  run ${index + 1} recorded nothing (${error.message.split(' ')[1]}); running it again`);
    }
  }
}

async function main() {
  if (process.argv.includes('--build') || !existsSync('dist/index.html')) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const server = await startServer();
  const results: RunResult[] = [];
  try {
    const url = new URL(PATH, server.url).href;
    console.log(`Lighthouse ${RUNS}× on ${url} (mobile, simulated throttling), Chromium ${CHROME_PATH}`);
    for (let i = 0; i < RUNS; i++) {
      const r = await runWithRetry(url, i);
      results.push(r);
      console.log(
        `  run ${i + 1}: ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(', ')}; ` +
          `LCP ${Math.round(r.metrics.lcp)} ms, TBT ${Math.round(r.metrics.tbt)} ms, CLS ${r.metrics.cls.toFixed(3)}`,
      );
    }
  } finally {
    await server.stop();
  }

  const med = (f: (r: RunResult) => number) => median(results.map(f));
  console.log(`\nMedian of ${RUNS} runs:`);
  for (const c of CATEGORIES) {
    const threshold = THRESHOLDS[c as keyof typeof THRESHOLDS];
    console.log(
      `  ${c.padEnd(15)} ${String(med((r) => r.scores[c]!)).padStart(3)}${threshold ? `  (≥ ${threshold})` : ''}`,
    );
  }
  console.log(`  LCP             ${Math.round(med((r) => r.metrics.lcp))} ms`);
  console.log(`  TBT             ${Math.round(med((r) => r.metrics.tbt))} ms`);
  console.log(`  CLS             ${med((r) => r.metrics.cls).toFixed(3)}`);
  console.log(`  FCP             ${Math.round(med((r) => r.metrics.fcp))} ms`);
  console.log(`  Speed Index     ${Math.round(med((r) => r.metrics.si))} ms`);
  console.log(`  (reports: ${REPORT_DIR}/run-N.json)`);

  const failing = [...new Set(results.flatMap((r) => r.failing))];
  if (failing.length) console.log(`\nAudits that lost points in some run:\n  ${failing.join('\n  ')}`);

  const failures = Object.entries(THRESHOLDS)
    .map(([c, min]) => [c, med((r) => r.scores[c]!), min] as const)
    .filter(([, score, min]) => score < min);
  if (failures.length) {
    console.error(`\n✗ Lighthouse below the bar: ${failures.map(([c, s, m]) => `${c} ${s} < ${m}`).join(', ')}`);
    process.exit(1);
  }
  console.log('\n✓ Lighthouse bars met');
}

await main();
