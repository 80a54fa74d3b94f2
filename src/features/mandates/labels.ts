import { type MandateRow, mandateHolds, NO_END_DATE } from '../../contract/mandates';
import type { CatalogueEntry } from '../../data/db';
import { t } from '../../i18n';
import { formatDate, intlLocale, localized } from '../../i18n/format';

export const fullName = (m: Pick<MandateRow, 'person'>) => `${m.person.givenName} ${m.person.familyName}`;

/** Where the mandate comes from: the register (parents), a court (guardians), or the person who gave it. */
export const basisText = (m: MandateRow) =>
  m.kind === 'authorisation' ? t(`mandates.basis.authorisation_${m.role}`) : t(`mandates.basis.${m.kind}`);

/** The services it covers, by their names in the catalogue ("all services" for null). */
export function servicesText(services: string[] | null, catalogue: CatalogueEntry[] | undefined): string {
  if (services === null) return t('mandates.all_services');
  const names = services.map((id) => {
    const found = catalogue?.find((s) => s.id === id);
    return found ? localized(found.name) : id;
  });
  return new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(names);
}

/** "Valid until …", or what ended it and when, in the voice of whoever reads it. */
export function statusText(m: MandateRow, today: string): string {
  const name = fullName(m);
  const ended = m.endedAt ? formatDate(m.endedAt) : '';
  if (mandateHolds(m, today)) {
    return m.validUntil === NO_END_DATE
      ? t('mandates.no_end')
      : t('mandates.valid_until', { date: formatDate(m.validUntil) });
  }
  if (m.status === 'revoked') return t(`mandates.ended.revoked_${m.role}`, { name, date: ended });
  if (m.status === 'declined') return t(`mandates.ended.declined_${m.role}`, { name, date: ended });
  if (m.status === 'removed') return t('mandates.ended.removed', { date: ended });
  return t('mandates.ended.expired', { date: formatDate(m.validUntil) });
}
