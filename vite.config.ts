import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';
import { firstFrame } from './scripts/first-frame';
import { loadStringsPart } from './scripts/first-strings';
import { manifest } from './src/app/manifest';

const FIRST_SCREEN = new RegExp(
  [
    'src/app/(App|Shell|OfflineBanner|UpdatePrompt|ServiceWorkerBridge|SyncLinePlace)\\.tsx?$',
    'src/ui/(Page|icons|install|InstallCard)\\.tsx?$',
    'src/i18n/',
    'src/data/(live|api|catalogue-queries)\\.ts$',
    'src/contract/(langs|http)\\.ts$',
    'src/features/auth/(AccountLink|SignInCard|session)\\.tsx?$',
    'src/features/dashboard/(Home|DashboardSkeleton)\\.tsx$',
    'src/features/inbox/queries\\.ts$',
  ].join('|'),
);

export default defineConfig({
  plugins: [
    { name: 'strings-parts', enforce: 'pre', load: loadStringsPart },
    solid(),
    firstFrame(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      },
    }),
  ],
  // The catalogue's check runs in a module worker (src/data/catalogue-check.worker.ts).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        // The two parts of a language (scripts/first-strings.ts) are told apart by name: check:budget reads it.
        chunkFileNames: (chunk) => {
          const part = /translation\.json\?(first|rest)$/.exec(chunk.facadeModuleId ?? '')?.[1];
          return `assets/${part ? `translation-${part}` : '[name]'}-[hash].js`;
        },
        // What the first screen needs comes in two files, libraries and app, not a dozen small ones:
        // on a phone's connection every extra request before the first paint costs a round trip.
        // Only modules the first screen imports statically belong here; Dexie (loaded as the first
        // paint is made, see data/live.ts), zod, workbox-window and the other screens stay apart.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules[\\/](solid-js|@solidjs|i18next)[\\/]/ },
            { name: 'shell', test: FIRST_SCREEN },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/auth': 'http://localhost:8080' } },
});
