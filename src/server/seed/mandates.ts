import { addToDate, tallinnDate } from '../../contract/dates';
import type { Database } from '../db/database';
import { custodyChanged } from '../mandates/events';
import { grantMandate, parentalRightsUntil, setRegisterMandates } from '../mandates/store';
import { demoChildren, demoCodes } from './people';

/**
 * The demo's mandates, once (a person who already has any gets none): Kadri and Martin have joint
 * custody of Marta and Oksana custody of Andrii, as their births gave them; Sergei has sole custody of
 * Jelizaveta after the divorce, by a `population.custody_changed` through its handler; Aivar has
 * authorised his daughter Liis Mägi to see and act on his pension until the end of next year.
 */
export async function seedDemoMandates(db: Database, now = new Date()): Promise<void> {
  const id = async (code: string) =>
    (await db.query<{ id: string }>('SELECT id FROM persons WHERE personal_code = $1', [code])).rows[0]?.id;
  const [kadri, martin, oksana, aivar] = await Promise.all(
    [demoCodes.kadri, demoCodes.martin, demoCodes.oksana, demoCodes.aivar].map(id),
  );
  const { rows } = await db.query('SELECT 1 FROM mandates WHERE actor_id = $1 OR subject_id = $1 LIMIT 1', [aivar]);
  if (!kadri || !martin || !oksana || !aivar || rows.length > 0) return;
  await db.transaction(async (tx) => {
    for (const [child, parents] of [
      [demoChildren[0], [kadri, martin]],
      [demoChildren[1], [oksana]],
    ] as const) {
      const childId = (
        await tx.query<{ id: string }>('SELECT id FROM persons WHERE personal_code = $1', [child.personalCode])
      ).rows[0].id;
      await setRegisterMandates(
        tx,
        {
          kind: 'parent',
          subjectId: childId,
          actorIds: [...parents],
          validUntil: await parentalRightsUntil(tx, childId, child.personalCode),
          eventId: 'demo-birth',
        },
        now,
      );
    }
    const custody = custodyChanged.parse({
      id: 'demo-custody-jelizaveta',
      type: 'population.custody_changed',
      occurredAt: new Date(now.getTime() - 60_000).toISOString(),
      child: demoChildren[2].personalCode,
      custody: 'sole',
      parents: [demoCodes.sergei],
    });
    if ('error' in custody) throw custody.error;
    await custody.event.handle(tx, { agencyId: 'siseministeerium', keyId: 'demo', receivedAt: now });
    const { rows: people } = await tx.query<{
      id: string;
      personalCode: string;
      givenName: string;
      familyName: string;
    }>(
      `SELECT id, personal_code AS "personalCode", given_name AS "givenName", family_name AS "familyName"
       FROM persons WHERE id = $1`,
      [aivar],
    );
    await grantMandate(
      tx,
      { ...people[0], preferredLanguage: 'et' },
      {
        mandateId: '0a1d1e55-0000-4000-8000-00000000a1a1',
        personalCode: demoCodes.liis_magi,
        scope: 'act',
        services: ['retirement'],
        validUntil: `${addToDate(tallinnDate(now), 1).slice(0, 4)}-12-31`,
      },
      now,
    );
  });
}
