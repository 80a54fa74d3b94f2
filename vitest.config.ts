import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';
import { loadStringsPart } from './scripts/first-strings';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [{ name: 'strings-parts', enforce: 'pre', load: loadStringsPart }, solid()],
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
