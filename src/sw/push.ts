/// <reference lib="webworker" />
import { CSRF_HEADER, CSRF_VALUE } from '../contract/http';
import { askWindowsToSync } from './sync';

declare const self: ServiceWorkerGlobalScope;

interface PushMessage {
  title: string;
  body: string;
  url: string;
  tag: string;
}

/** The payload is untrusted input too: only a same-origin path may be opened. */
function readPush(event: PushEvent): PushMessage | null {
  try {
    const data = event.data?.json() as Partial<PushMessage> | undefined;
    if (!data || typeof data.title !== 'string' || typeof data.body !== 'string') return null;
    const url =
      typeof data.url === 'string' && data.url.startsWith('/') && !data.url.startsWith('//') ? data.url : '/inbox';
    return { title: data.title, body: data.body, url, tag: typeof data.tag === 'string' ? data.tag : url };
  } catch {
    return null;
  }
}

/** Prefers a focused window of the app, then a visible one, then any; opens one if there is none. */
async function openApp(url: string): Promise<void> {
  const windows = (await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) as WindowClient[];
  const target = windows.find((w) => w.focused) ?? windows.find((w) => w.visibilityState === 'visible') ?? windows[0];
  if (!target) {
    await self.clients.openWindow(url);
    return;
  }
  target.postMessage({ type: 'navigate', url });
  await target.focus();
}

async function resubscribe(event: Event & { oldSubscription?: PushSubscription | null }): Promise<void> {
  const key = event.oldSubscription?.options.applicationServerKey;
  if (!key) return;
  const subscription = await self.registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: key,
  });
  await fetch('/api/push/subscriptions', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body: JSON.stringify(subscription.toJSON()),
  });
}

export function handlePush(): void {
  self.addEventListener('push', (event) => {
    const message = readPush(event);
    event.waitUntil(
      Promise.all([
        message
          ? self.registration.showNotification(message.title, {
              body: message.body,
              icon: '/icons/icon-192.png',
              badge: '/icons/badge-96.png',
              tag: message.tag,
              data: { url: message.url },
            })
          : Promise.resolve(),
        askWindowsToSync(),
      ]),
    );
  });

  self.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const url = (event.notification.data as { url?: string } | null)?.url ?? '/inbox';
    event.waitUntil(openApp(url));
  });

  // The browser replaced the subscription (expiry, key rotation): subscribe again and tell the server.
  self.addEventListener('pushsubscriptionchange', (event) => {
    (event as ExtendableEvent).waitUntil(resubscribe(event as Event & { oldSubscription?: PushSubscription | null }));
  });
}
