import { createSignal } from 'solid-js';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const [installEvent, setInstallEvent] = createSignal<BeforeInstallPromptEvent>();

// Caught as early as possible: the browser fires it once, soon after load.
window.addEventListener('beforeinstallprompt', (event) => {
  event.preventDefault();
  setInstallEvent(event as BeforeInstallPromptEvent);
});
window.addEventListener('appinstalled', () => setInstallEvent(undefined));

/** True when the browser offers to install the app now (Chromium's beforeinstallprompt). */
export const canInstall = () => installEvent() !== undefined;

export async function install(): Promise<void> {
  const event = installEvent();
  if (!event) return;
  await event.prompt();
  await event.userChoice;
  setInstallEvent(undefined);
}

/** iOS Safari has no install prompt: there the person adds the app through the Share menu. */
export function needsIosInstructions(): boolean {
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  const ios = /iphone|ipad|ipod/i.test(navigator.userAgent);
  return ios && !standalone && !matchMedia('(display-mode: standalone)').matches;
}
