import { EmptyState, Page } from '../../app/Page';
import { t } from '../../i18n';

export default function Inbox() {
  return (
    <Page title={t('inbox.title')}>
      <EmptyState title={t('inbox.empty_title')} text={t('inbox.empty_text')} />
    </Page>
  );
}
