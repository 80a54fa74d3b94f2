/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { handlePush } from './push';
import { handleBackgroundSync } from './sync';

declare const self: ServiceWorkerGlobalScope;

// A new version waits until the person agrees to reload (the app's update prompt sends this).
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

precacheAndRoute(self.__WB_MANIFEST);
// On the very first install, control the open page at once so it works offline without a reload.
clientsClaim();
cleanupOutdatedCaches();

// Every page path opens the app shell offline; the API and sign-in are never answered from cache.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//, /^\/auth\//] }));

handleBackgroundSync();
handlePush();
