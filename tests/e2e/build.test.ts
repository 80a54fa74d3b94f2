import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser';

// The global setup builds only when the browser suite runs.
describe.skipIf(browserSkipReason())('production build', () => {
  it('produces an installable manifest', () => {
    const manifest = JSON.parse(readFileSync('dist/manifest.webmanifest', 'utf8'));
    expect(manifest).toMatchObject({
      name: 'Minu riik',
      short_name: 'Minu riik',
      display: 'standalone',
      start_url: '/',
    });
    const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons) expect(existsSync(`dist${icon.src}`)).toBe(true);
    expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toEqual(['/offers', '/inbox']);
    expect(readFileSync('dist/index.html', 'utf8')).toContain('rel="manifest"');
  });

  it('produces a service worker that precaches the shell and every language', () => {
    const sw = readFileSync('dist/sw.js', 'utf8');
    expect(sw).toContain('index.html');
    // Each language in two parts: the first screen's strings and the rest (scripts/first-strings.ts).
    for (const part of ['first', 'rest']) {
      const chunks = sw.match(new RegExp(`assets/translation-${part}-[\\w-]+\\.js`, 'g')) ?? [];
      expect(new Set(chunks).size, part).toBe(4);
    }
  });
});
