/* @refresh reload */
import { render } from 'solid-js/web';
import { App } from './app/App';
import { initI18n } from './i18n';
import './ui/install';
import './app/base.css';

// The CSP forbids eval: zod (loaded later with the catalogue and sync) must not even probe for it.
const zodConfig = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodConfig.__zod_globalConfig = Object.assign(zodConfig.__zod_globalConfig ?? {}, { jitless: true });

await initI18n();
// Rendered behind the first frame index.html painted, which the shell removes once its screen is in.
render(() => <App />, document.getElementById('root')!);

// The network only fills IndexedDB; the screens read from it. Loaded after the first paint.
const refreshCatalogue = () =>
  import('./data/catalogue')
    .then(({ refreshCatalogue }) => refreshCatalogue())
    .catch((error: unknown) => console.warn('catalogue refresh failed', error));
void refreshCatalogue();
window.addEventListener('online', () => void refreshCatalogue());
