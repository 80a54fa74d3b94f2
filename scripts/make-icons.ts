/**
 * Renders the app icon to the PNGs the manifest and iOS need (public/icons, public/apple-touch-icon.png).
 * Run after changing the mark: node --import tsx scripts/make-icons.ts
 */
import { chromium } from 'playwright-core';

const mark = (size: number, padding: number, rounded: boolean) => `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="${rounded ? 7 : 0}" fill="#0a4ea8"/>
  <g transform="translate(${padding} ${padding}) scale(${(32 - 2 * padding) / 32})">
    <path d="M8 11h16M8 16h16M8 21h10" stroke="#fff" stroke-width="3" stroke-linecap="round"/>
  </g>
</svg>`;

const outputs = [
  { file: 'public/icons/icon-192.png', size: 192, padding: 0, rounded: true },
  { file: 'public/icons/icon-512.png', size: 512, padding: 0, rounded: true },
  // Maskable: full-bleed background, the mark inside the 80 % safe zone.
  { file: 'public/icons/maskable-512.png', size: 512, padding: 5, rounded: false },
  { file: 'public/apple-touch-icon.png', size: 180, padding: 3, rounded: false },
];

// The status-bar badge of a notification: the mark alone, white on transparent (Android uses its alpha).
const badge = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 32 32">
  <path d="M8 11h16M8 16h16M8 21h10" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/></svg>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const { file, size, padding, rounded } of outputs) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0;background:transparent">${mark(size, padding, rounded)}</body>`);
  await page.locator('svg').screenshot({ path: file, omitBackground: true });
  console.log(file);
}
await page.setViewportSize({ width: 96, height: 96 });
await page.setContent(`<body style="margin:0;background:transparent">${badge}</body>`);
await page.locator('svg').screenshot({ path: 'public/icons/badge-96.png', omitBackground: true });
await browser.close();
