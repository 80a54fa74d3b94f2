import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser';
import { COLOR_SCHEMES, LANGUAGES, openScreen, SCREENS, signIn, useLanguage, VIEWPORTS } from './screens';
import { useServer } from './suite';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (the law asks 2.1 AA; we aim for 2.2 AA). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string; html: string }[];
}

async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations as Violation[];
  }, TAGS);
}

const describeViolations = (where: string, violations: Violation[]) =>
  violations.map(
    (v) =>
      `${where}: [${v.impact}] ${v.id} — ${v.help} (${v.helpUrl})\n` +
      v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `    ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${n.failureSummary?.replaceAll('\n', '\n      ')}`,
        )
        .join('\n'),
  );

describe.skipIf(browserSkipReason())('accessibility: axe on every screen', () => {
  const app = useServer();

  for (const session of ['signed out', 'signed in'] as const) {
    const screens = SCREENS.filter((s) => Boolean(s.signedIn) === (session === 'signed in'));
    for (const vp of VIEWPORTS) {
      for (const scheme of COLOR_SCHEMES) {
        it.skipIf(screens.length === 0)(
          `${session}, ${vp.name} ${vp.viewport.width}×${vp.viewport.height}, ${scheme}: no WCAG 2.2 AA violations in ${LANGUAGES.join(', ')}`,
          { timeout: 240_000 },
          async () => {
            const { name: _, ...device } = vp;
            // bypassCSP: axe is injected as an inline script, which the app's CSP rightly forbids.
            const context = await app.browser.newContext({
              ...device,
              colorScheme: scheme,
              locale: 'et-EE',
              bypassCSP: true,
            });
            const page = await context.newPage();
            const errors: string[] = [];
            page.on('pageerror', (e) => errors.push(e.message));
            try {
              if (session === 'signed in') await signIn(page, app.server.publicUrl);
              const problems: string[] = [];
              let checked = 0;
              for (const lang of LANGUAGES) {
                await useLanguage(page, app.server.publicUrl, lang);
                for (const [i, screen] of screens.entries()) {
                  await openScreen(page, app.server.publicUrl, screen, i === 0);
                  const menu = page.locator('.nav-toggle[aria-expanded="false"]');
                  if (await menu.isVisible()) await menu.click();
                  expect(await page.getAttribute('html', 'lang')).toBe(lang);
                  problems.push(...describeViolations(`${screen.name} ${screen.path} [${lang}]`, await axe(page)));
                  checked++;
                }
              }
              expect(checked).toBe(screens.length * LANGUAGES.length);
              expect(problems, `axe found violations:\n\n${problems.join('\n\n')}\n`).toEqual([]);
              expect(errors).toEqual([]);
            } finally {
              await context.close();
            }
          },
        );
      }
    }
  }
});
