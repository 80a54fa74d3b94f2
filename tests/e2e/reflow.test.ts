import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agency, Catalogue } from '../../src/contract/catalogue';
import type { ServiceStatsRow } from '../../src/contract/feedback';
import { browserSkipReason } from './browser';
import { LANGUAGES, openScreen, SCREENS, signIn, useLanguage } from './screens';
import { useServer } from './suite';

/**
 * Reflow, large text and tap targets (WCAG 2.2 1.4.10, 1.4.4, 1.4.12, 2.5.8) on every screen of
 * screens.ts, signed out and in, in every language, in three layouts:
 * - 320 × 640 (a 1280 px window at 400 %), 256 px wide (a 360 px phone at 140 %), and
 * - 390 px with the browser's default text size doubled (32 px: rem and em media queries follow it).
 * Axe sees none of this; see checkLayout for what is checked.
 */
const LAYOUTS = [
  { name: '320×640', width: 320, height: 640, fontSize: 16 },
  { name: '256 px', width: 256, height: 640, fontSize: 16 },
  { name: '390 px, 200 % text', width: 390, height: 844, fontSize: 32 },
] as const;

/** WCAG 1.4.12's overrides, as a user style sheet would apply them. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

type Layout = (typeof LAYOUTS)[number];

/**
 * Runs in the page. Returns one line per problem:
 * - the document is wider than the viewport set (not innerWidth: mobile emulation widens the layout
 *   viewport to fit what overflows, which would hide the failure);
 * - a link, button or form control is outside the viewport horizontally, or its centre is covered;
 * - two controls overlap;
 * - a target is smaller than 24 × 24 (WCAG 2.5.8; links inside a sentence are exempt);
 * - a word of a heading, tile or label is broken across lines without a hyphen;
 * - (with `clipping`) a text is cut off by an ancestor that hides its overflow.
 */
function checkLayout({ width, clipping }: { width: number; clipping: boolean }): string[] {
  const problems: string[] = [];
  const describe = (el: Element) => {
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}> "${text}"`;
  };
  const hiddenAway = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const r = e.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return true;
      const style = getComputedStyle(e);
      if (style.visibility === 'hidden' || style.display === 'none') return true;
    }
    return false;
  };
  /** An ancestor that scrolls sideways itself (a table's or the chart's box): what is inside may be wider. */
  const inScroller = (el: Element): boolean => {
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const x = getComputedStyle(e).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  const fixedBar = (el: Element) => el.closest('.topbar, .nav, .toast-region');

  const docWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (docWidth > width) problems.push(`the page is ${docWidth} px wide`);

  const controls = [
    ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary'),
  ].filter((el) => !el.classList.contains('skip-link') && !hiddenAway(el));
  /** The area that activates a control: a control inside its label is tapped through the label too. */
  const target = (el: HTMLElement) => (el.matches('input, select, textarea') && el.closest('label')) || el;
  for (const el of controls) {
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    if (!inScroller(el) && (r.left < -0.5 || r.right > width + 0.5)) {
      problems.push(`${describe(el)} is outside the viewport (${Math.round(r.left)}…${Math.round(r.right)})`);
    }
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const hit = cx >= 0 && cx < innerWidth && cy >= 0 && cy < innerHeight ? document.elementFromPoint(cx, cy) : null;
    const own = hit && (el === hit || el.contains(hit) || (hit instanceof HTMLLabelElement && hit.control === el));
    if (!own) problems.push(`${describe(el)} is covered${hit ? ` by ${describe(hit)}` : ''}`);
    const t = target(el).getBoundingClientRect();
    const inSentence =
      el.tagName === 'A' &&
      getComputedStyle(el).display === 'inline' &&
      [...(el.parentElement?.childNodes ?? [])].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    if (!inSentence && (t.width < 23.5 || t.height < 23.5)) {
      problems.push(`${describe(el)} is ${Math.round(t.width)}×${Math.round(t.height)}, under 24×24`);
    }
  }
  // Overlaps at the top of the page, where the sticky top bar is in its own place.
  scrollTo(0, 0);
  const rects = new Map(controls.map((el) => [el, el.getBoundingClientRect()]));
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const [a, b] = [controls[i]!, controls[j]!];
      if (a.contains(b) || b.contains(a) || fixedBar(a) !== fixedBar(b)) continue;
      const [ra, rb] = [rects.get(a)!, rects.get(b)!];
      const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (w > 1 && h > 1) problems.push(`${describe(a)} overlaps ${describe(b)}`);
    }
  }

  const texts = (root: Element) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.textContent?.trim() && !n.parentElement?.closest('option, script, style, title')) nodes.push(n as Text);
    }
    return nodes;
  };
  const words = 'h1, h2, h3, legend, label, .tile, .nav-label, .card-title, .button, button, .tag, .status, th';
  for (const el of document.querySelectorAll(words)) {
    if (hiddenAway(el)) continue;
    for (const text of texts(el)) {
      const data = text.data;
      for (const m of data.matchAll(/\S+/g)) {
        let top: number | undefined;
        for (let i = m.index; i < m.index + m[0].length; i++) {
          const range = document.createRange();
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          // A soft hyphen is where a word may break (shown as "-" only there), not a letter.
          if (data[i] === '\u00ad') continue;
          // The last box: a letter just after a line break also reports an empty box at the end of the line before.
          const boxes = range.getClientRects();
          const r = boxes[boxes.length - 1];
          if (!r || r.width === 0) continue;
          const line = Math.round(r.top);
          if (top !== undefined && Math.abs(line - top) > 2 && !/[-\u00ad\u2010–—/]/.test(data[i - 1] ?? '')) {
            problems.push(`"${m[0]}" is broken across lines in ${describe(el)}`);
            break;
          }
          top = line;
        }
      }
    }
  }

  if (clipping) {
    for (const text of texts(document.body)) {
      const el = text.parentElement!;
      if (hiddenAway(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      const r = range.getBoundingClientRect();
      for (let a = el; a && a !== document.body; a = a.parentElement!) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const box = a.getBoundingClientRect();
        const x = style.overflowX !== 'visible' && (r.left < box.left - 1 || r.right > box.right + 1);
        const y = style.overflowY !== 'visible' && (r.top < box.top - 1 || r.bottom > box.bottom + 1);
        const scrolls = /auto|scroll/.test(style.overflowX + style.overflowY);
        if ((x || y) && !scrolls) {
          problems.push(`"${text.data.trim().slice(0, 30)}" is cut off by ${describe(a)}`);
          break;
        }
      }
    }
  }
  return problems;
}

/** Ratings as a busy month leaves them: every agency with answers, the longest names first. */
function ratingsRows(agencies: string[], services: { id: string; eventServiceId: string }[]): ServiceStatsRow[] {
  const rows: ServiceStatsRow[] = [];
  for (const [i, agencyId] of agencies.entries()) {
    for (const month of ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']) {
      for (const s of services.slice(i, i + 3)) {
        rows.push({
          month,
          agencyId,
          subServiceId: s.id,
          eventServiceId: s.eventServiceId,
          question: 'recommend',
          answers: 120,
          promoters: 70,
          passives: 30,
          detractors: 20,
          index: 42,
          satisfaction: 35,
        });
      }
    }
  }
  return rows;
}

async function setLayout(page: Page, layout: Layout): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', {
    fontSizes: { standard: layout.fontSize, fixed: Math.round(layout.fontSize * 0.8125) },
  });
  await cdp.detach();
  await page.setViewportSize({ width: layout.width, height: layout.height });
  await settle(page);
  // The text size must really have changed, or the 200 % layout would check normal text.
  const root = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  if (root !== `${layout.fontSize}px`) throw new Error(`text size not applied: ${root}, not ${layout.fontSize}px`);
}

const settle = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe.skipIf(browserSkipReason())('reflow, large text and tap targets', () => {
  const app = useServer();
  let stats: ServiceStatsRow[];

  beforeAll(async () => {
    const catalogue = (await (await fetch(`${app.server.url}/api/catalogue`)).json()) as Catalogue;
    const longest = (a: Agency) => Math.max(...Object.values(a.name).map((n) => n.length));
    const agencies = [...catalogue.agencies].sort((a, b) => longest(b) - longest(a)).map((a) => a.id);
    const services = catalogue.eventServices.flatMap((es) =>
      es.subServices.map((s) => ({ id: s.id, eventServiceId: es.id })),
    );
    stats = ratingsRows(agencies, services);
  });

  async function check(page: Page, lang: string, screenName: string): Promise<string[]> {
    const found: string[] = [];
    for (const layout of LAYOUTS) {
      await setLayout(page, layout);
      // Where the bar has become a menu, open it: its rows are checked too.
      const toggle = page.locator('.nav-toggle[aria-expanded="false"]');
      if (await toggle.isVisible()) {
        await toggle.click();
        await page.locator('#nav-list a').first().waitFor();
      }
      const at = `${lang} ${screenName} at ${layout.name}:`;
      found.push(
        ...(await page.evaluate(checkLayout, { width: layout.width, clipping: false })).map((p) => `${at} ${p}`),
      );
      const style = await page.addStyleTag({ content: TEXT_SPACING });
      await settle(page);
      const clipped = await page.evaluate(checkLayout, { width: layout.width, clipping: true });
      found.push(...clipped.filter((p) => p.includes('is cut off')).map((p) => `${at} (text spacing) ${p}`));
      await style.evaluate((el) => (el as Element).remove());
    }
    await setLayout(page, LAYOUTS[0]);
    return found;
  }

  for (const lang of LANGUAGES) {
    it(`reflows every screen in ${lang}, signed out and in`, { timeout: 240_000 }, async () => {
      const context: BrowserContext = await app.browser.newContext({
        viewport: { width: LAYOUTS[0].width, height: LAYOUTS[0].height },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      await context.route('**/api/stats/services', (route) => route.fulfill({ json: { rows: stats } }));
      const page = await context.newPage();
      try {
        await useLanguage(page, app.server.publicUrl, lang);
        const found: string[] = [];
        let first = true;
        for (const screen of SCREENS.filter((s) => !s.signedIn)) {
          await openScreen(page, app.server.publicUrl, screen, first);
          first = false;
          if (screen.name === 'Ratings') await page.locator('main table').first().waitFor();
          found.push(...(await check(page, lang, screen.name)));
        }
        await signIn(page, app.server.publicUrl);
        first = true;
        for (const screen of SCREENS.filter((s) => s.signedIn)) {
          await openScreen(page, app.server.publicUrl, screen, first);
          first = false;
          found.push(...(await check(page, lang, screen.name)));
        }
        expect(found).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
