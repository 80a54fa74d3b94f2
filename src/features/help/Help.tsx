import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { useAgencies } from '../../data/catalogue-queries';
import { t } from '../../i18n';
import { localized } from '../../i18n/format';
import { Page } from '../../ui/Page';
import { AgencyContactList } from './AgencyContact';
import { APP_EMAIL, HELPLINE } from './contacts';

/** Help: what the app is and is not, how to reach a person, what to do when data is wrong. */
export default function Help() {
  const agencies = useAgencies();
  const sorted = () =>
    [...(agencies()?.values() ?? [])].sort((a, b) => localized(a.name).localeCompare(localized(b.name)));
  return (
    <Page title={t('help.title')} lead={t('help.lead')}>
      <section class="help-section" aria-labelledby="help-helpline">
        <h2 id="help-helpline">{t('help.helpline_title')}</h2>
        <p>{t('help.helpline_text')}</p>
        <p>
          <a class="button button-primary" href={`tel:${HELPLINE}`}>
            {t('help.call', { number: HELPLINE })}
          </a>
        </p>
      </section>
      <section class="help-section" aria-labelledby="help-about">
        <h2 id="help-about">{t('help.about_title')}</h2>
        <p>{t('help.about_text')}</p>
        <p>{t('help.not_text')}</p>
      </section>
      <section class="help-section" aria-labelledby="help-wrong">
        <h2 id="help-wrong">{t('help.wrong_title')}</h2>
        <p>{t('help.wrong_text')}</p>
      </section>
      <section class="help-section" aria-labelledby="help-agencies">
        <h2 id="help-agencies">{t('help.agencies_title')}</h2>
        <p>{t('help.agencies_text')}</p>
        <ul class="card-list">
          <For each={sorted()}>
            {(agency) => (
              <li class="card agency-contact">
                <h3>{localized(agency.name)}</h3>
                <AgencyContactList agency={agency} />
              </li>
            )}
          </For>
        </ul>
      </section>
      <section class="help-section" aria-labelledby="help-app">
        <h2 id="help-app">{t('help.app_title')}</h2>
        <p>{t('help.app_text')}</p>
        <p>
          <a class="text-link" href={`mailto:${APP_EMAIL}`}>
            {APP_EMAIL}
          </a>
        </p>
        <p>
          <A class="text-link" href="/accessibility">
            {t('more.accessibility')}
          </A>
        </p>
      </section>
    </Page>
  );
}
