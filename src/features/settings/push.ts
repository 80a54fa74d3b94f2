import { ApiError, apiJson } from '../../data/api';
import { db } from '../../data/db';

const SUBSCRIPTION_KEY = 'push.subscriptionId';

export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

export async function pushState(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  return subscription && Notification.permission === 'granted' ? 'on' : 'off';
}

const keyBytes = (base64url: string) =>
  Uint8Array.from(atob(base64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

const sameKey = (subscription: PushSubscription, key: Uint8Array) => {
  const current = subscription.options.applicationServerKey;
  return !!current && new Uint8Array(current).every((b, i) => b === key[i]) && current.byteLength === key.length;
};

/**
 * Asks for permission (only ever from a person's tap), subscribes this device with the server's VAPID
 * key — again if the key changed — and registers the subscription with the server.
 */
export async function enablePush(deviceLabel?: string): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off';
  const { publicKey } = await apiJson<{ publicKey: string }>(fetch, '/api/push/key');
  const key = keyBytes(publicKey);
  const registration = await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameKey(subscription, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  const register = (s: PushSubscription) =>
    apiJson<{ id: string }>(fetch, '/api/push/subscriptions', { method: 'POST', body: { ...s.toJSON(), deviceLabel } });
  let id: string;
  try {
    ({ id } = await register(subscription));
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'endpoint_taken')) throw error;
    // Someone else who used this browser still has its endpoint: a new subscription gets a new one.
    await subscription.unsubscribe();
    subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    ({ id } = await register(subscription));
  }
  await db.meta.put({ key: SUBSCRIPTION_KEY, value: id });
  return 'on';
}

export async function disablePush(): Promise<PushState> {
  const registration = await navigator.serviceWorker.getRegistration();
  await (await registration?.pushManager.getSubscription())?.unsubscribe();
  const id = (await db.meta.get(SUBSCRIPTION_KEY))?.value;
  if (typeof id === 'string') {
    await apiJson(fetch, `/api/push/subscriptions/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch(
      () => undefined,
    );
    await db.meta.delete(SUBSCRIPTION_KEY);
  }
  return 'off';
}

/** At start: if this device is subscribed but the server's key changed, subscribe again. */
export async function refreshPushSubscription(): Promise<void> {
  if ((await pushState()) !== 'on') return;
  const { publicKey } = await apiJson<{ publicKey: string }>(fetch, '/api/push/key');
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameKey(subscription, keyBytes(publicKey))) await enablePush();
}
