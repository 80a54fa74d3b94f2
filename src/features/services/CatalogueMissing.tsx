import { EmptyState } from '../../app/Page';
import { t } from '../../i18n';

/** Shown only before the very first successful load of the catalogue. */
export function CatalogueMissing() {
  return <EmptyState title={t('services.missing_title')} text={t('services.missing_text')} />;
}
