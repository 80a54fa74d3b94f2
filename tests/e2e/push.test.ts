import { describe, expect, it } from 'vitest';
import { browserSkipReason, PHONE } from './browser';
import { signInAs } from './session';
import { useAppServer } from './suite';

/**
 * A real pushManager.subscribe needs the browser vendor's push service, unreachable here: only that call
 * is stubbed. The push itself is delivered to the real service worker through the DevTools protocol.
 */
function stubPushManager() {
  const key = new Uint8Array(65);
  const subscription = {
    endpoint: 'https://push.example/e2e-device',
    options: { applicationServerKey: key.buffer, userVisibleOnly: true },
    toJSON: () => ({
      endpoint: 'https://push.example/e2e-device',
      keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'AAAAAAAAAAAAAAAAAAAAAA' },
    }),
    unsubscribe: async () => true,
  };
  let subscribed = false;
  PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
    const given = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
    subscription.options.applicationServerKey = given.buffer;
    subscribed = true;
    return subscription as unknown as PushSubscription;
  };
  PushManager.prototype.getSubscription = async () =>
    subscribed ? (subscription as unknown as PushSubscription) : null;
}

describe.skipIf(browserSkipReason())('push notifications on a phone', () => {
  const app = useAppServer();

  it('turns push on from Settings, shows a delivered push, syncs the app, and a tap opens the linked screen', async () => {
    const context = await app.browser.newContext({ ...PHONE, locale: 'en-GB', permissions: ['notifications'] });
    await context.addInitScript(stubPushManager);
    const page = await context.newPage();
    await signInAs(page, app.server.url, 'Kadri Tamm', '/settings');
    await page.evaluate(() => navigator.serviceWorker.ready);

    await page.getByRole('button', { name: 'Turn on notifications' }).click();
    await page.getByText('Notifications are on for this device.').waitFor();
    const subscriptions = await app.server.db.query<{ endpoint: string }>('SELECT endpoint FROM push_subscriptions');
    expect(subscriptions.rows).toEqual([{ endpoint: 'https://push.example/e2e-device' }]);

    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r: { scopeURL: string }) => r.scopeURL === `${app.server.url}/`);
        if (ours) resolve(ours.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    const syncs: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/sync') syncs.push(request.url());
    });
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: app.server.url,
      registrationId: await registration,
      data: JSON.stringify({
        title: 'Parental benefit',
        body: 'Your offer is waiting.',
        url: '/events',
        tag: 'offer-1',
      }),
    });

    await expect
      .poll(() =>
        page.evaluate(async () =>
          (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => [n.title, n.body, n.tag]),
        ),
      )
      .toEqual([['Parental benefit', 'Your offer is waiting.', 'offer-1']]);
    await expect.poll(() => syncs.length).toBeGreaterThan(0);

    // The tap: the worker's click handler, as the system would call it.
    const worker = context.serviceWorkers().find((w) => w.url().endsWith('/sw.js'))!;
    await worker.evaluate(async () => {
      // Runs in the worker: its globals are not in this file's (DOM) types.
      const scope = self as unknown as {
        registration: ServiceWorkerRegistration;
        dispatchEvent(event: Event): boolean;
        NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
      };
      const [notification] = await scope.registration.getNotifications();
      scope.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification }));
    });
    await expect.poll(() => new URL(page.url()).pathname).toBe('/events');
    await page.getByRole('heading', { level: 1, name: 'Life events' }).waitFor();
    await context.close();
  });
});
