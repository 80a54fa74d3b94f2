/**
 * The first screen's strings. Each locale's translation.json is served in two parts (a build-time split,
 * so the source files stay whole): `?first`, the sections below, loaded before the first paint, and
 * `?rest`, everything else, loaded right after it and awaited by every screen that is loaded later.
 * tests/unit/first-strings.test.ts checks that the first screen's modules use no key outside these.
 * Read by vite.config.ts and tests only: the app imports the two parts, not this list.
 */
import { readFileSync } from 'node:fs';

export const FIRST_SECTIONS = [
  'app',
  'a11y',
  'nav',
  'home',
  'dashboard',
  'auth',
  'install',
  'update',
  'offline',
  'settings',
];

const PART = /[\\/]locales[\\/]\w+[\\/]translation\.json\?(first|rest)$/;

/** The part of a locale file an import asks for, as a module; undefined for any other module. */
export function loadStringsPart(id: string): string | undefined {
  const part = PART.exec(id)?.[1];
  if (!part) return undefined;
  const all = JSON.parse(readFileSync(id.slice(0, id.indexOf('?')), 'utf8')) as Record<string, unknown>;
  const picked = Object.entries(all).filter(([section]) => FIRST_SECTIONS.includes(section) === (part === 'first'));
  // JSON.parse of a string literal: faster to start than the same object as code.
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(Object.fromEntries(picked)))});`;
}
