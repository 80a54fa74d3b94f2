import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePersonalCode } from '../../src/contract/isikukood';
import { OfferRow } from '../../src/contract/offers';
import { SyncPage } from '../../src/contract/sync';
import { receiveAgencyEvent } from '../../src/server/agency/events';
import { agencyEventHandlers } from '../../src/server/agency/handlers';
import { createAgencyKey } from '../../src/server/agency/keys';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';
import { loadOfferRow } from '../../src/server/offers/rows';
import { settleDueOffers } from '../../src/server/offers/settle';
import { mutationRoutes, syncRoutes } from '../../src/server/routes/sync';
import { seedDemoOffers } from '../../src/server/seed/offers';
import { mutationHandlers } from '../../src/server/sync/handlers';
import { openTestDatabase } from './db';
import { asPerson, mutation, offerOf, personId, postMutations, stepOf } from './person-harness';

const KADRI = '24304142717';
const OKSANA = '23906036155';
const AIVAR = '11202193427';
const MARET = '23409254568';
const DANIIL = '10805072234';
let db: Database;
let app: ReturnType<typeof asPerson>;

beforeAll(async () => {
  db = await openTestDatabase();
  app = asPerson(db, (r) => {
    r.route('/api/sync', syncRoutes(db));
    r.route('/api/mutations', mutationRoutes(db, mutationHandlers, createLogger('silent')));
  });
});
afterAll(() => db.close());

describe('the demo offers', () => {
  it('are there at start, once however often the seed runs', async () => {
    await seedDemoOffers(db);
    await seedDemoOffers(db);
    const { rows } = await db.query<{ personal_code: string; sub_service_id: string; status: string }>(
      `SELECT p.personal_code, o.sub_service_id, o.status FROM offers o JOIN persons p ON p.id = o.person_id
       ORDER BY p.personal_code, o.sub_service_id`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { personal_code: KADRI, sub_service_id: 'child-parental-benefit', status: 'pending' },
        { personal_code: OKSANA, sub_service_id: 'settling-adaptation-programme', status: 'pending' },
        { personal_code: AIVAR, sub_service_id: 'pension-old-age-offer', status: 'pending' },
        { personal_code: MARET, sub_service_id: 'death-survivor-allowance-child', status: 'pending' },
        { personal_code: DANIIL, sub_service_id: 'defence-call-up', status: 'pending' },
      ]),
    );
    // Kadri's offer is on the step the agency already asked her to act on, with its deadline.
    const offer = await offerOf(db, KADRI, 'child-parental-benefit');
    const step = await stepOf(db, offer.stepId!);
    expect(step).toMatchObject({ subServiceId: 'child-parental-benefit', status: 'action_needed' });
    expect(offer.deadline).toBe(step.dueDate);
  });

  it('reach the client by sync', async () => {
    const res = await app.request('/api/sync', { headers: { 'x-test-person': KADRI } });
    const page = SyncPage.parse(await res.json());
    const offers = page.changes.filter((c) => c.entity === 'offer');
    expect(offers.length).toBeGreaterThan(0);
    for (const c of offers) if (c.op === 'put') OfferRow.parse(c.data);
  });
});

describe('offer.accept', () => {
  it('accepts once, moves the step to in progress, and a second acceptance changes nothing', async () => {
    const offer = await offerOf(db, KADRI, 'child-parental-benefit');
    const first = mutation('offer.accept', { offerId: offer.id, fields: { bankAccount: 'EE382200221020145685' } });
    expect(await postMutations(app, KADRI, [first])).toEqual([{ id: first.id, status: 'applied' }]);
    const accepted = await offerOf(db, KADRI, 'child-parental-benefit');
    expect(accepted).toMatchObject({ status: 'accepted', acceptedFields: { bankAccount: 'EE382200221020145685' } });
    expect(accepted.decidedAt).not.toBeNull();
    const step = await stepOf(db, offer.stepId!);
    expect(step).toMatchObject({ status: 'in_progress', actor: 'agency' });

    // The same mutation again (a retry) is a duplicate; another acceptance (a second tab) is refused.
    expect(await postMutations(app, KADRI, [first])).toEqual([{ id: first.id, status: 'duplicate' }]);
    const second = mutation('offer.accept', { offerId: offer.id });
    expect(await postMutations(app, KADRI, [second])).toEqual([
      { id: second.id, status: 'rejected', code: 'offer_decided', message: expect.any(String) },
    ]);
    expect(await offerOf(db, KADRI, 'child-parental-benefit')).toEqual(accepted);
    // The stored record: one acceptance of the offer.
    const { rows: applied } = await db.query(
      `SELECT 1 FROM applied_mutations m JOIN persons p ON p.id = m.person_id
       WHERE p.personal_code = $1 AND m.type = 'offer.accept'`,
      [KADRI],
    );
    expect(applied).toHaveLength(1);
    const again = await stepOf(db, offer.stepId!);
    expect(again.history.filter((h) => h.to === 'in_progress')).toHaveLength(1);
    const { rows } = await db.query(
      `SELECT 1 FROM notifications n JOIN persons p ON p.id = n.person_id WHERE p.personal_code = $1 AND n.topic = 'status'
       AND n.link = $2`,
      [KADRI, `/events/${offer.caseId}`],
    );
    expect(rows).toHaveLength(1);
  });

  it("refuses another person's offer as not found", async () => {
    const offer = await offerOf(db, AIVAR, 'pension-old-age-offer');
    const m = mutation('offer.accept', { offerId: offer.id });
    expect(await postMutations(app, KADRI, [m])).toEqual([
      { id: m.id, status: 'rejected', code: 'not_found', message: 'No such offer' },
    ]);
    expect((await offerOf(db, AIVAR, 'pension-old-age-offer')).status).toBe('pending');
  });

  it('refuses to change a field that comes from a register, writing nothing', async () => {
    const offer = await offerOf(db, AIVAR, 'pension-old-age-offer');
    const m = mutation('offer.accept', { offerId: offer.id, fields: { name: 'Someone Else' } });
    expect((await postMutations(app, AIVAR, [m]))[0]).toMatchObject({ status: 'rejected', code: 'field_not_editable' });
    expect((await offerOf(db, AIVAR, 'pension-old-age-offer')).status).toBe('pending');
  });

  it('refuses an offer past its deadline and says why, writing nothing', async () => {
    const offer = await offerOf(db, AIVAR, 'pension-old-age-offer');
    await db.query(`UPDATE offers SET deadline = current_date - 2 WHERE id = $1`, [offer.id]);
    const { rows: before } = await db.query(
      'SELECT change_seq FROM person_clocks c JOIN persons p ON p.id = c.person_id WHERE p.personal_code = $1',
      [AIVAR],
    );
    const m = mutation('offer.accept', { offerId: offer.id });
    expect((await postMutations(app, AIVAR, [m]))[0]).toMatchObject({ status: 'rejected', code: 'offer_expired' });
    const { rows: after } = await db.query(
      'SELECT change_seq FROM person_clocks c JOIN persons p ON p.id = c.person_id WHERE p.personal_code = $1',
      [AIVAR],
    );
    expect(after).toEqual(before);
    const { rows } = await db.query('SELECT status FROM offers WHERE id = $1', [offer.id]);
    expect(rows).toEqual([{ status: 'pending' }]);
  });

  it.each([
    ['no offer id', {}],
    ['an offer id that is no uuid', { offerId: 'abc' }],
    ['an unknown key', { offerId: randomUUID(), extra: 1 }],
  ])('refuses a payload with %s', async (_, payload) => {
    const m = mutation('offer.accept', payload);
    expect((await postMutations(app, KADRI, [m]))[0]).toMatchObject({ status: 'rejected', code: 'invalid_payload' });
  });
});

describe('offer.decline', () => {
  it('declines with a reason and declines the step; then it cannot be accepted', async () => {
    const offer = await offerOf(db, OKSANA, 'settling-adaptation-programme');
    const m = mutation('offer.decline', { offerId: offer.id, reason: 'I already go to a course.' });
    expect(await postMutations(app, OKSANA, [m])).toEqual([{ id: m.id, status: 'applied' }]);
    expect(await offerOf(db, OKSANA, 'settling-adaptation-programme')).toMatchObject({
      status: 'declined',
      declineReason: 'I already go to a course.',
    });
    expect((await stepOf(db, offer.stepId!)).status).toBe('declined');
    const accept = mutation('offer.accept', { offerId: offer.id });
    expect((await postMutations(app, OKSANA, [accept]))[0]).toMatchObject({
      status: 'rejected',
      code: 'offer_decided',
    });
  });

  it('refuses to decline or accept a duty (the call-up)', async () => {
    const offer = await offerOf(db, DANIIL, 'defence-call-up');
    const decline = mutation('offer.decline', { offerId: offer.id });
    expect((await postMutations(app, DANIIL, [decline]))[0]).toMatchObject({
      status: 'rejected',
      code: 'not_declinable',
    });
    const accept = mutation('offer.accept', { offerId: offer.id });
    expect((await postMutations(app, DANIIL, [accept]))[0]).toMatchObject({ status: 'rejected', code: 'is_duty' });
    expect((await offerOf(db, DANIIL, 'defence-call-up')).status).toBe('pending');
  });
});

describe('settling offers past their deadline', () => {
  it('grants automatic offers and lets consent offers expire; a duty stands', async () => {
    const pid = await personId(db, MARET);
    const survivor = await offerOf(db, MARET, 'death-survivor-allowance-child');
    const callUp = await offerOf(db, DANIIL, 'defence-call-up');
    await db.query(`UPDATE offers SET deadline = current_date - 2 WHERE id = ANY($1::uuid[])`, [
      [survivor.id, callUp.id],
    ]);
    expect(await settleDueOffers(db)).toBeGreaterThanOrEqual(2);
    expect((await offerOf(db, MARET, 'death-survivor-allowance-child')).status).toBe('expired');
    expect((await offerOf(db, DANIIL, 'defence-call-up')).status).toBe('pending');
    expect((await stepOf(db, survivor.stepId!)).status).toBe('declined');
    expect(pid).toBeTruthy();
  });
});

describe('an offer from a cohort, which comes without a case', () => {
  let serial = 0;
  /** People born on `birthDate` (one per marital status), then the pension cohort of that day. */
  async function cohort(birthDate: string, maritalStatuses: string[]) {
    const codes: string[] = [];
    for (const maritalStatus of maritalStatuses) {
      const code = makePersonalCode(birthDate, 'female', 900 + serial++);
      await db.query(
        `INSERT INTO persons (personal_code, given_name, family_name, facts) VALUES ($1, 'Kohort', 'Test', $2)`,
        [code, { birthDate, sex: 'female', residence: { country: 'EE', municipality: 'Tartu' }, maritalStatus }],
      );
      codes.push(code);
    }
    const key = await createAgencyKey(db, 'ska', { scopes: ['pension.age_approaching'] });
    await receiveAgencyEvent(
      db,
      agencyEventHandlers,
      { id: key.id, agencyId: 'ska', scopes: ['pension.age_approaching'] },
      {
        id: `cohort-${birthDate}`,
        type: 'pension.age_approaching',
        occurredAt: new Date().toISOString(),
        cohort: { bornFrom: birthDate, bornTo: birthDate },
        pensionAge: { years: 65, months: 0 },
      },
    );
    return codes;
  }
  const casesOf = async (code: string) =>
    (
      await db.query<{ event_service_id: string }>(
        'SELECT event_service_id FROM cases c JOIN persons p ON p.id = c.person_id WHERE p.personal_code = $1',
        [code],
      )
    ).rows;

  it('opens the life event when accepted, with the step in progress and the offer linked to it', async () => {
    const [code] = await cohort('1961-05-02', ['married']);
    const offer = await offerOf(db, code, 'pension-old-age-offer');
    expect(offer).toMatchObject({ caseId: null, stepId: null, status: 'pending' });
    expect(await casesOf(code)).toEqual([]);

    // No register has a bank account for this person: the field asks for one, and accepting without it is refused.
    expect(offer.fields.find((f) => f.key === 'bankAccount')).toMatchObject({ value: '', source: null });
    expect((await postMutations(app, code, [mutation('offer.accept', { offerId: offer.id })]))[0]).toMatchObject({
      status: 'rejected',
      code: 'field_invalid',
      field: 'bankAccount',
    });
    const accept = mutation('offer.accept', { offerId: offer.id, fields: { bankAccount: 'EE38 2200 2210 2014 5685' } });
    expect((await postMutations(app, code, [accept]))[0].status).toBe('applied');
    const accepted = await offerOf(db, code, 'pension-old-age-offer');
    expect(accepted).toMatchObject({ status: 'accepted', acceptedFields: { bankAccount: 'EE382200221020145685' } });
    expect(await casesOf(code)).toEqual([{ event_service_id: 'retirement' }]);
    expect(await stepOf(db, accepted.stepId!)).toMatchObject({
      caseId: accepted.caseId,
      subServiceId: 'pension-old-age-offer',
      status: 'in_progress',
    });
  });

  it('opens no case when declined or when a consent offer expires; a granted one opens it, completed', async () => {
    const [declines, lapses, alone] = await cohort('1961-05-03', ['married', 'married', 'single']);
    const declined = await offerOf(db, declines, 'pension-old-age-offer');
    expect((await postMutations(app, declines, [mutation('offer.decline', { offerId: declined.id })]))[0].status).toBe(
      'applied',
    );
    expect((await offerOf(db, declines, 'pension-old-age-offer')).status).toBe('declined');
    expect(await casesOf(declines)).toEqual([]);

    const lapsing = await offerOf(db, lapses, 'pension-old-age-offer');
    const automatic = await offerOf(db, alone, 'pension-living-alone-allowance');
    await db.query('UPDATE offers SET deadline = current_date - 2 WHERE id = ANY($1::uuid[])', [
      [lapsing.id, automatic.id],
    ]);
    await settleDueOffers(db);
    expect((await offerOf(db, lapses, 'pension-old-age-offer')).status).toBe('expired');
    expect(await casesOf(lapses)).toEqual([]);
    const granted = await offerOf(db, alone, 'pension-living-alone-allowance');
    expect(granted.status).toBe('granted');
    expect(await casesOf(alone)).toEqual([{ event_service_id: 'retirement' }]);
    expect((await stepOf(db, granted.stepId!)).status).toBe('completed');
  });
});

describe('an offer made before offers kept their facts', () => {
  it('is read with the texts it was made with', async () => {
    const pid = await personId(db, OKSANA);
    const texts = { et: 'Vana tekst', en: 'Old text', ru: 'Старый текст', uk: 'Старий текст' };
    const fields = [{ key: 'name', label: texts, value: 'Oksana', source: texts, editable: false }];
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO offers (person_id, rule_id, sub_service_id, subject_key, kind, deadline, fields, data_basis, legal_basis)
       VALUES ($1, 'pension-old-age-offer', 'pension-old-age-offer', 'legacy', 'consent', current_date + 30, $2, $3, $3)
       RETURNING id`,
      [pid, JSON.stringify(fields), texts],
    );
    const offer = await loadOfferRow(db, rows[0].id);
    expect(offer).toMatchObject({
      fields: [{ ...fields[0], type: 'text', min: null, max: null }],
      dataBasis: texts,
      legalBasis: texts,
      eventServiceId: 'retirement',
    });
    await db.query('DELETE FROM offers WHERE id = $1', [rows[0].id]);
  });
});
