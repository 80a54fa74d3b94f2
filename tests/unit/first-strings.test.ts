import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_SECTIONS, loadStringsPart } from '../../scripts/first-strings';
import { LANGS } from '../../src/contract/langs';

const SECTIONS = Object.keys(JSON.parse(readFileSync('locales/en/translation.json', 'utf8')));

/** The app's modules the first screen loads: src/main.tsx and what it imports statically, transitively. */
function firstScreenModules(): Set<string> {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm)) {
      const base = join(dirname(file), m[1]!);
      const resolved = ['', '.ts', '.tsx', '/index.ts']
        .map((ext) => base + ext)
        .find((p) => /\.tsx?$/.test(p) && existsSync(p));
      if (resolved) visit(resolved);
    }
  };
  visit('src/main.tsx');
  return found;
}

/** Every quoted text that reads as a translation key ("nav.home", `auth.error.${code}`), by its section. */
function sectionsUsed(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/['"`]([a-z_]+)\.[a-z_$]/g)].map((m) => m[1]!).filter((s) => SECTIONS.includes(s));
}

describe('the first screen’s strings', () => {
  const modules = firstScreenModules();

  it('are found by following the first screen’s static imports', () => {
    expect(modules).toContain('src/app/Shell.tsx');
    expect(modules).toContain('src/features/dashboard/Home.tsx');
    expect(modules).not.toContain('src/features/dashboard/Dashboard.tsx');
  });

  it('all come from the sections loaded before the first paint', () => {
    const outside = [...modules].flatMap((file) =>
      sectionsUsed(file)
        .filter((section) => !FIRST_SECTIONS.includes(section))
        .map((section) => `${file}: ${section}`),
    );
    expect(outside).toEqual([]);
    expect([...modules].flatMap(sectionsUsed)).toEqual(expect.arrayContaining(['nav', 'home', 'auth']));
  });

  it('name sections every locale has', () => {
    for (const section of FIRST_SECTIONS) expect(SECTIONS).toContain(section);
  });

  it.each(LANGS)('split %s into two parts that together are the whole file', (lang) => {
    const file = join(process.cwd(), `locales/${lang}/translation.json`);
    const part = (name: string) => {
      const code = loadStringsPart(`${file}?${name}`)!;
      return JSON.parse(JSON.parse(code.slice('export default JSON.parse('.length, -');'.length))) as object;
    };
    const [first, rest] = [part('first'), part('rest')];
    expect(Object.keys(first).sort()).toEqual([...FIRST_SECTIONS].sort());
    expect(Object.keys(rest).some((s) => FIRST_SECTIONS.includes(s))).toBe(false);
    expect({ ...first, ...rest }).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(loadStringsPart(file)).toBeUndefined();
  });
});
