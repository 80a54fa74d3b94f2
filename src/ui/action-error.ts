import { StorageFullError } from '../data/outbox';
import { t } from '../i18n';

/** What to tell the person when an action could not even be queued on this device. */
export function actionErrorText(error: unknown): string {
  return error instanceof StorageFullError ? t('storage.full') : t('sync.reason.other');
}
