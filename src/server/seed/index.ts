import { parsePersonalCode } from '../../contract/isikukood';
import type { Database } from '../db/database';
import { seedDemoCases } from './cases';
import { loadCatalogue } from './catalogue';
import { seedDemoDataUses } from './data-uses';
import { seedDemoFeedback } from './feedback';
import { seedDemoMandates } from './mandates';
import { seedDemoNotifications } from './notifications';
import { seedDemoOffers } from './offers';
import { DEMO_CODES_BEFORE_YEAR, demoChildren, demoPeople } from './people';

/**
 * Brings the catalogue in line with its files (insert or update) and, with `demo` (DEMO), adds the demo
 * people who are missing, then the demo cases of demo people who have none. Safe on every start: nothing
 * a person or an agency wrote is touched.
 */
export async function seed(db: Database, { demo = true }: { demo?: boolean } = {}): Promise<void> {
  const catalogue = loadCatalogue();
  for (const person of demoPeople) {
    const year = Number(parsePersonalCode(person.personalCode)?.birthDate.slice(0, 4));
    if (!(year < DEMO_CODES_BEFORE_YEAR))
      throw new Error(
        `demo person ${person.givenName}: not a valid personal code from before ${DEMO_CODES_BEFORE_YEAR}`,
      );
  }
  await db.transaction(async (tx) => {
    for (const agency of catalogue.agencies) {
      await tx.query(
        `INSERT INTO agencies (id, name, url, contact) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url, contact = excluded.contact`,
        [agency.id, agency.name, agency.url, agency.contact ?? null],
      );
    }
    for (const [position, es] of catalogue.eventServices.entries()) {
      await tx.query(
        `INSERT INTO event_services (id, position, owner_agency_id, maturity, name, description)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET position = excluded.position, owner_agency_id = excluded.owner_agency_id,
           maturity = excluded.maturity, name = excluded.name, description = excluded.description`,
        [es.id, position, es.ownerAgencyId, es.maturity, es.name, es.description],
      );
      for (const [subPosition, sub] of es.subServices.entries()) {
        await tx.query(
          `INSERT INTO sub_services (id, event_service_id, position, kind, provision, agency_id, name, description, url)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (id) DO UPDATE SET event_service_id = excluded.event_service_id, position = excluded.position,
             kind = excluded.kind, provision = excluded.provision, agency_id = excluded.agency_id,
             name = excluded.name, description = excluded.description, url = excluded.url`,
          [sub.id, es.id, subPosition, sub.kind, sub.provision, sub.agencyId, sub.name, sub.description, sub.url],
        );
      }
    }
    if (!demo) return;
    for (const person of demoPeople) {
      await tx.query(
        `INSERT INTO persons (personal_code, given_name, family_name, preferred_language, facts)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (personal_code) DO NOTHING`,
        [person.personalCode, person.givenName, person.familyName, person.preferredLanguage, person.facts],
      );
    }
    for (const child of demoChildren) {
      await tx.query(
        `INSERT INTO persons (personal_code, given_name, family_name, facts)
         VALUES ($1, $2, $3, $4) ON CONFLICT (personal_code) DO NOTHING`,
        [child.personalCode, child.givenName, child.familyName, { birthDate: child.birthDate, children: [] }],
      );
    }
  });
  if (!demo) return;
  // The welcome message first, so it is the oldest in each inbox.
  await db.transaction(seedDemoNotifications);
  await seedDemoCases(db);
  await seedDemoOffers(db);
  await seedDemoFeedback(db);
  await seedDemoMandates(db);
  await seedDemoDataUses(db);
}
