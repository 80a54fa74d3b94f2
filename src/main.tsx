/* @refresh reload */
import { render } from 'solid-js/web';
import { App } from './app/App';
import { initI18n } from './i18n';
import './app/install';
import './app/styles.css';

await initI18n();
render(() => <App />, document.getElementById('root')!);

// The network only fills IndexedDB; the screens read from it. Loaded after the first paint.
const refreshCatalogue = () =>
  import('./data/catalogue')
    .then(({ refreshCatalogue }) => refreshCatalogue())
    .catch((error: unknown) => console.warn('catalogue refresh failed', error));
void refreshCatalogue();
window.addEventListener('online', () => void refreshCatalogue());
