import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAgencyKey } from '../../src/server/agency/keys';
import { loadOfferRow } from '../../src/server/offers/rows';
import { demoChildren, demoCodes } from '../../src/server/seed/people';
import { recordChange } from '../../src/server/sync/changes';
import { browserSkipReason, waitForServiceWorker } from './browser';
import { readStore, signInAs } from './session';
import { useAppServer } from './suite';

const L = (en: string) => ({ et: en, en, ru: en, uk: en });

/** Acting for someone in the app, end to end on a phone (issue 20). */
describe.skipIf(browserSkipReason())('acting for someone', () => {
  const app = useAppServer();
  let context: BrowserContext;
  let page: Page;

  const query = async <T>(sql: string, params: unknown[] = []) => (await app.server.db.query<T>(sql, params)).rows;

  /** An offer to Marta on her ID-card step, made for this test (a rule's id stands in: its texts are the row's own). */
  async function offerOnMartasIdCardStep(): Promise<{ martaId: string; offerId: string }> {
    return app.server.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; person_id: string }>(
        `INSERT INTO offers (person_id, rule_id, sub_service_id, case_id, step_id, kind, deadline, fields, data_basis,
           legal_basis)
         SELECT s.person_id, 'child-parental-benefit', s.sub_service_id, s.case_id, s.id, 'consent', current_date + 30, '[]', $2, $3
         FROM steps s JOIN persons p ON p.id = s.person_id
         WHERE p.personal_code = $1 AND s.sub_service_id = 'child-id-document'
         RETURNING id, person_id`,
        [demoChildren[0].personalCode, L('Marta has no ID card yet.'), L('Identity Documents Act')],
      );
      const { id, ...row } = await loadOfferRow(tx, rows[0].id);
      await recordChange(tx, rows[0].person_id, 'offer', id, row);
      return { martaId: rows[0].person_id, offerId: id };
    });
  }

  /** The names of the app's IndexedDB databases on the phone. */
  const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

  it('Kadri switches to Marta offline and accepts on her ID-card step; custody is removed meanwhile: online, the answer is refused with the reason and Marta’s rows leave the phone', async () => {
    const { martaId, offerId } = await offerOnMartasIdCardStep();
    const martaDb = `minu-riik-subject-${martaId}`;
    ({ context, page } = await app.newPhone());
    await signInAs(page, app.server.url, 'Kadri Tamm');
    // Marta's rows arrive in a database of her own with her parent's sync; none of them in Kadri's.
    await expect
      .poll(async () => (await databases()).includes(martaDb) && (await readStore(page, 'offers', martaDb)).length, {
        timeout: 15_000,
      })
      .toBe(1);
    expect((await readStore<{ id: string }>(page, 'offers')).map((o) => o.id)).not.toContain(offerId);

    // The app's files are on the phone (its service worker), as after any earlier visit.
    await waitForServiceWorker(context, page);
    await context.setOffline(true);
    const switcher = page.locator('header').getByRole('button', { name: /Whose data to show: Kadri Tamm/ });
    await switcher.click();
    await page.getByRole('button', { name: /Marta Tamm\s*my child/ }).click();
    await page.getByText('You are acting for Marta Tamm').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Life events' }).click();
    await page.getByRole('link', { name: 'Having a child' }).click();
    await page.getByRole('link', { name: /^Child.s ID card or passport/ }).click();
    await page.getByRole('link', { name: 'See the offer' }).click();
    await page.getByRole('button', { name: 'Accept the offer for Marta Tamm' }).click();
    await page.getByText('1 change waiting to be sent').waitFor();
    expect(await readStore(page, 'outbox', martaDb)).toHaveLength(1);
    expect(await readStore(page, 'outbox')).toHaveLength(0);
    await page.getByText('You are acting for Marta Tamm').waitFor(); // on every screen

    // The population register: Martin alone has custody now.
    const { key } = await createAgencyKey(app.server.db, 'siseministeerium', {
      scopes: ['population.custody_changed'],
    });
    const posted = await fetch(`${app.server.url}/api/agency/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        id: 'e2e-custody-marta',
        type: 'population.custody_changed',
        occurredAt: new Date().toISOString(),
        child: demoChildren[0].personalCode,
        custody: 'sole',
        parents: [demoCodes.martin],
      }),
    });
    expect(posted.status).toBe(200);

    await context.setOffline(false);
    await page
      .getByText('Could not save for Marta Tamm: Accepting an offer. You can no longer act for this person.')
      .waitFor({ timeout: 15_000 });
    expect(await page.getByText('You are acting for Marta Tamm').count()).toBe(0);
    await expect.poll(databases).not.toContain(martaDb);
    // Kadri holds no mandate any more: her account link is back where the switcher was.
    await page
      .locator('header')
      .getByRole('link', { name: /Kadri Tamm/ })
      .waitFor();
    expect(await switcher.count()).toBe(0);
    const [offer] = await query<{ status: string }>('SELECT status FROM offers WHERE id = $1', [offerId]);
    expect(offer.status).toBe('pending');
  });
});
