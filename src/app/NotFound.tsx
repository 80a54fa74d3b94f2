import { A } from '@solidjs/router';
import { t } from '../i18n';
import { EmptyState, Page } from '../ui/Page';

export default function NotFound() {
  return (
    <Page title={t('not_found.title')}>
      <EmptyState text={t('not_found.text')}>
        <A class="button button-primary" href="/">
          {t('not_found.home')}
        </A>
      </EmptyState>
    </Page>
  );
}
