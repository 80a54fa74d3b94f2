import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * oidc-provider asks for Node 22 and warns on Node 20 when it is imported. Production must never import
 * it: the app runs in a child process whose module loader refuses 'oidc-provider' outright.
 */

const run = promisify(execFile);
const child = new URL('./dev-idp-child.ts', import.meta.url).pathname;
let refuse: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'minu-riik-hooks-'));
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `export async function resolve(specifier, context, next) {
       if (specifier === 'oidc-provider') throw new Error('oidc-provider was imported');
       return next(specifier, context);
     }`,
  );
  refuse = join(dir, 'refuse.mjs');
  writeFileSync(
    refuse,
    `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`,
  );
});

const PRODUCTION = {
  PUBLIC_URL: 'https://minuriik.example.ee',
  OIDC_ISSUER: 'https://tara.ria.ee',
  OIDC_CLIENT_ID: 'minu-riik',
  OIDC_CLIENT_SECRET: 'a-secret-of-sixteen-or-more',
  DATABASE_URL: 'postgres://app@db.internal:5432/minuriik',
};
const DEMO = { DEMO: 'true', PUBLIC_URL: 'http://localhost:8080' };

async function start(env: Record<string, string>, refuseProvider: boolean) {
  const imports = ['--import', 'tsx', ...(refuseProvider ? ['--import', refuse] : [])];
  const { DATABASE_URL: _, ...inherited } = process.env;
  const { stdout } = await run(process.execPath, [...imports, child], { env: { ...inherited, ...env } });
  return JSON.parse(stdout) as { devIdp: boolean; health: number; discovery: number | null };
}

// Each test starts a process of its own (tsx and the embedded database): seconds on a busy machine.
const PROCESS_MS = 90_000;

describe('the development provider module', () => {
  it('is never imported with DEMO off: the app starts and answers without oidc-provider', {
    timeout: PROCESS_MS,
  }, async () => {
    expect(await start(PRODUCTION, true)).toEqual({ devIdp: false, health: 200, discovery: null });
  });

  it('is imported with DEMO on, so the refusal above would catch an import', { timeout: PROCESS_MS }, async () => {
    expect(await start(DEMO, true)).toEqual({ devIdp: true, health: 200, discovery: 503 });
  });

  it('serves discovery with DEMO on, once the module has loaded', { timeout: PROCESS_MS }, async () => {
    expect(await start(DEMO, false)).toEqual({ devIdp: true, health: 200, discovery: 200 });
  });
});
