import { useNavigate } from '@solidjs/router';
import { createEffect, onCleanup, onMount } from 'solid-js';
import { useUnreadCount } from '../features/inbox/queries';

/**
 * What the service worker asks of the open app: go to the screen of a tapped notification. And what
 * the app shows outside itself: the unread count on the installed app's icon, where supported.
 */
export function ServiceWorkerBridge() {
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const onMessage = (event: MessageEvent) => {
    const url = event.data?.type === 'navigate' ? event.data.url : undefined;
    if (typeof url === 'string' && url.startsWith('/') && !url.startsWith('//')) navigate(url);
  };
  onMount(() => navigator.serviceWorker?.addEventListener('message', onMessage));
  onCleanup(() => navigator.serviceWorker?.removeEventListener('message', onMessage));
  createEffect(() => {
    const count = unread() ?? 0;
    const nav = navigator as Navigator & {
      setAppBadge?: (n?: number) => Promise<void>;
      clearAppBadge?: () => Promise<void>;
    };
    void (count > 0 ? nav.setAppBadge?.(count) : nav.clearAppBadge?.())?.catch(() => undefined);
  });
  return null;
}
