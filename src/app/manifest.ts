import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest: how the app looks once installed to the home screen. */
export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Minu riik',
  short_name: 'Minu riik',
  description: 'Riik, mis töötab sinu heaks · The state, working for you',
  lang: 'et',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  theme_color: '#073a80',
  background_color: '#f3f5f8',
  categories: ['government', 'utilities'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  shortcuts: [
    {
      name: 'Pakkumised',
      short_name: 'Pakkumised',
      url: '/offers',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }],
    },
    {
      name: 'Teavitused',
      short_name: 'Teavitused',
      url: '/inbox',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }],
    },
  ],
};
