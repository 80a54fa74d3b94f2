import { EmptyState, Page } from '../../app/Page';
import { t } from '../../i18n';

export default function Offers() {
  return (
    <Page title={t('offers.title')}>
      <EmptyState title={t('offers.empty_title')} text={t('offers.empty_text')} />
    </Page>
  );
}
