import { useNavigate } from '@solidjs/router';
import { type Accessor, createEffect, onCleanup, onMount } from 'solid-js';
import { afterPaint } from '../data/live';

/**
 * What the service worker asks of the open app: go to the screen of a tapped notification. And what
 * the app shows outside itself: the unread count on the installed app's icon, where supported.
 */
export function ServiceWorkerBridge(props: { unread: Accessor<number | undefined> }) {
  const navigate = useNavigate();
  const onMessage = (event: MessageEvent) => {
    const url = event.data?.type === 'navigate' ? event.data.url : undefined;
    if (typeof url === 'string' && url.startsWith('/') && !url.startsWith('//')) navigate(url);
  };
  // Touching navigator.serviceWorker costs the first render a few ms: listen once the screen has painted.
  let listening = true;
  onMount(
    () => void afterPaint().then(() => listening && navigator.serviceWorker?.addEventListener('message', onMessage)),
  );
  onCleanup(() => {
    listening = false;
    navigator.serviceWorker?.removeEventListener('message', onMessage);
  });
  createEffect(() => {
    const unread = props.unread();
    if (unread === undefined) return; // still loading: the badge stays as it is
    const nav = navigator as Navigator & {
      setAppBadge?: (n?: number) => Promise<void>;
      clearAppBadge?: () => Promise<void>;
    };
    void (unread > 0 ? nav.setAppBadge?.(unread) : nav.clearAppBadge?.())?.catch(() => undefined);
  });
  return null;
}
