import { A } from '@solidjs/router';
import { EmptyState, Page } from '../../app/Page';
import { t } from '../../i18n';

export default function LifeEvents() {
  return (
    <Page title={t('events.title')}>
      <EmptyState title={t('events.empty_title')} text={t('events.empty_text')}>
        <A class="button" href="/services">
          {t('events.browse')}
        </A>
      </EmptyState>
    </Page>
  );
}
