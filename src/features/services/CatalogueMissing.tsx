import { t } from '../../i18n';
import { EmptyState } from '../../ui/Page';

/** Shown only before the very first successful load of the catalogue. */
export function CatalogueMissing() {
  return <EmptyState title={t('services.missing_title')} text={t('services.missing_text')} />;
}
