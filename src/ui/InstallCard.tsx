import { Show } from 'solid-js';
import { t } from '../i18n';
import { Icon } from './icons';
import { canInstall, install, needsIosInstructions } from './install';

/** Offers installation where the browser can do it, and the Share-menu steps on iOS. */
export function InstallCard() {
  return (
    <>
      <Show when={canInstall()}>
        <section class="card install-card">
          <h2>{t('install.title')}</h2>
          <p>{t('install.text')}</p>
          <button type="button" class="button button-primary" onClick={() => void install()}>
            <Icon name="install" size={20} />
            {t('install.button')}
          </button>
        </section>
      </Show>
      <Show when={needsIosInstructions()}>
        <section class="card install-card">
          <h2>{t('install.title')}</h2>
          <p>{t('install.ios')}</p>
        </section>
      </Show>
    </>
  );
}
