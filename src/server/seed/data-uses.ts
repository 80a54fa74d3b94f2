import type { DataUsedEvent } from '../../contract/agency-events';
import { recordAgencyUse } from '../data-uses/used';
import type { Database } from '../db/database';
import { text } from '../rules/texts';

/**
 * Two uses of the new parent Kadri Tamm's data, as agencies would report them with `data.used`: the
 * Social Insurance Board deciding her parental benefit, the population register keeping her child's
 * record. Made once (the ids are fixed); the first links to her offer of the benefit.
 */
const USES: { agencyId: string; event: DataUsedEvent }[] = [
  {
    agencyId: 'ska',
    event: {
      id: 'demo-use-parental-benefit',
      type: 'data.used',
      occurredAt: '2026-09-22T07:30:00.000Z',
      personalCode: '24304142717',
      register: 'population',
      categories: ['identity', 'family', 'address'],
      purpose: { code: 'family_benefit' },
      legalBasis: { text: text('rules.child-parental-benefit.legalBasis'), url: 'https://www.riigiteataja.ee/akt/PHS' },
      subServiceId: 'child-parental-benefit',
      unit: 'Perehüvitiste osakond',
    },
  },
  {
    agencyId: 'siseministeerium',
    event: {
      id: 'demo-use-birth-record',
      type: 'data.used',
      occurredAt: '2026-09-20T09:00:00.000Z',
      personalCode: '24304142717',
      register: 'population',
      categories: ['identity', 'family'],
      purpose: { code: 'population_record' },
      legalBasis: {
        text: {
          et: 'Rahvastikuregistri seadus § 21',
          en: 'Population Register Act § 21',
          ru: 'Rahvastikuregistri seadus (Закон о регистре народонаселения) § 21',
          uk: 'Rahvastikuregistri seadus (Закон про реєстр населення) § 21',
        },
        url: 'https://www.riigiteataja.ee/akt/RRS',
      },
    },
  },
];

export async function seedDemoDataUses(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { agencyId, event } of USES) await recordAgencyUse(tx, agencyId, event);
  });
}
