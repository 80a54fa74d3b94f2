import { createSignal } from 'solid-js';

const [online, setOnline] = createSignal(navigator.onLine);
const update = () => setOnline(navigator.onLine);
window.addEventListener('online', update);
window.addEventListener('offline', update);

/**
 * Whether the browser says it has a network: the one place the app asks. Offline, the banner shows
 * and what needs the network (the Refresh link) hides.
 */
export { online };
