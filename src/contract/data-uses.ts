import { z } from 'zod';
import { Localized } from './i18n';
import { safeDateTime, safeText } from './text';

/**
 * Change-log entity `data_use`: one use of the person's data, by an agency (event `data.used`) or by
 * one of the app's rules reading register facts to decide an offer. The words are the catalogue's
 * (src/server/data-uses/catalogue.ts) as they were when the data was used.
 */
export const DataUseRow = z.object({
  id: z.uuid(),
  source: z.enum(['agency', 'rule']),
  agencyId: safeText(),
  /** The agency's department or office that used the data, when it said. */
  unit: safeText().nullable(),
  register: safeText(),
  registerName: Localized,
  /** The kinds of data used (an agency's use) or the facts read (a rule's). */
  categories: z.array(z.object({ code: safeText(), name: Localized })),
  purposeCode: safeText(),
  purpose: Localized,
  /** The agency's own words about the purpose, besides the catalogue's. */
  purposeText: Localized.nullable(),
  legalBasis: Localized,
  /** The act in the State Gazette. */
  legalUrl: z.url().nullable(),
  subServiceId: safeText().nullable(),
  offerId: z.uuid().nullable(),
  stepId: z.uuid().nullable(),
  usedAt: safeDateTime(),
});
export type DataUseRow = z.infer<typeof DataUseRow>;
