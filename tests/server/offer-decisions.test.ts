import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationRow } from '../../src/contract/person';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';
import { mutationRoutes } from '../../src/server/routes/sync';
import { seedDemoOffers } from '../../src/server/seed/offers';
import { mutationHandlers } from '../../src/server/sync/handlers';
import { pullChanges } from '../../src/server/sync/pull';
import { openTestDatabase } from './db';
import { asPerson, mutation, offerOf, personId, postMutations, stepOf } from './person-harness';

/** What the person is told is true: checked fields, duties apart from offers, undo of a decline, one thread. */

const KADRI = '24304142717';
const MARTIN = '14102275188';
const AIVAR = '11202193427';
const OKSANA = '23906036155';
const DANIIL = '10805072234';
let db: Database;
let app: ReturnType<typeof asPerson>;

beforeAll(async () => {
  db = await openTestDatabase();
  await seedDemoOffers(db);
  app = asPerson(db, (r) => r.route('/api/mutations', mutationRoutes(db, mutationHandlers, createLogger('silent'))));
});
afterAll(() => db.close());

const post = async (who: string, m: ReturnType<typeof mutation>) => (await postMutations(app, who, [m]))[0];

async function changes(code: string) {
  return (await pullChanges(db, await personId(db, code), 0, 10_000)).changes;
}

/** Everything a mutation could write for the person: their change clock and the applied mutations. */
async function written(code: string) {
  const { rows } = await db.query(
    `SELECT (SELECT change_seq FROM person_clocks WHERE person_id = p.id) AS seq,
            (SELECT count(*) FROM applied_mutations WHERE person_id = p.id) AS applied,
            (SELECT string_agg(o.status || coalesce(o.accepted_fields::text, ''), ',') FROM offers o WHERE o.person_id = p.id) AS offers
     FROM persons p WHERE p.personal_code = $1`,
    [code],
  );
  return rows[0];
}

describe('prefilled fields', () => {
  it('the demo mother’s bank account comes from the Social Insurance Board; the father’s is asked for', async () => {
    const kadri = await offerOf(db, KADRI, 'child-parental-benefit');
    expect(kadri.fields.find((f) => f.key === 'bankAccount')).toMatchObject({
      type: 'iban',
      value: 'EE382200221020145685',
      source: { en: 'Social Insurance Board database' },
    });
    const martin = await offerOf(db, MARTIN, 'child-parental-benefit');
    expect(martin.fields.find((f) => f.key === 'bankAccount')).toMatchObject({ value: '', source: null });
    expect(martin.fields.find((f) => f.key === 'startDate')).toMatchObject({
      type: 'date',
      value: '2026-09-19',
      min: '2026-09-19',
      max: '2029-09-18',
    });
  });

  it.each([
    ['an IBAN too short for Estonia', { bankAccount: 'EE12 3456' }, 'bankAccount'],
    ['an IBAN with a wrong check digit', { bankAccount: 'EE392200221020145685' }, 'bankAccount'],
    ['no bank account at all', {}, 'bankAccount'],
    ['a start date in free text', { bankAccount: 'EE382200221020145685', startDate: 'järgmisel nädalal' }, 'startDate'],
    ['a start date before the birth', { bankAccount: 'EE382200221020145685', startDate: '2026-09-18' }, 'startDate'],
  ])('refuses %s with field_invalid and the field, writing nothing', async (_, fields, field) => {
    const offer = await offerOf(db, MARTIN, 'child-parental-benefit');
    const before = await written(MARTIN);
    const result = await post(MARTIN, mutation('offer.accept', { offerId: offer.id, fields }));
    expect(result).toMatchObject({ status: 'rejected', code: 'field_invalid', field });
    expect(await written(MARTIN)).toEqual(before);
  });
});

describe('a duty (the call-up)', () => {
  it('is its own kind, headed as what it is, with the routes the law gives', async () => {
    const duty = await offerOf(db, DANIIL, 'defence-call-up');
    expect(duty).toMatchObject({
      kind: 'duty',
      declinable: false,
      consequences: null,
      heading: { ru: 'Вас призывают на срочную службу' },
    });
    expect(duty.links).toHaveLength(2);
  });

  it('cannot be accepted or declined, writing nothing', async () => {
    const duty = await offerOf(db, DANIIL, 'defence-call-up');
    const before = await written(DANIIL);
    expect(await post(DANIIL, mutation('offer.accept', { offerId: duty.id }))).toMatchObject({ code: 'is_duty' });
    expect(await post(DANIIL, mutation('offer.decline', { offerId: duty.id }))).toMatchObject({
      code: 'not_declinable',
    });
    expect(await post(DANIIL, mutation('offer.undo_decline', { offerId: duty.id }))).toMatchObject({
      code: 'not_declined',
    });
    expect(await written(DANIIL)).toEqual(before);
  });

  it('has its details confirmed, with a corrected address, once', async () => {
    const duty = await offerOf(db, DANIIL, 'defence-call-up');
    const first = await post(DANIIL, mutation('duty.confirm', { offerId: duty.id, fields: { address: 'Narva' } }));
    expect(first.status).toBe('applied');
    expect(await offerOf(db, DANIIL, 'defence-call-up')).toMatchObject({
      status: 'confirmed',
      acceptedFields: { address: 'Narva' },
    });
    const again = await post(DANIIL, mutation('duty.confirm', { offerId: duty.id }));
    expect(again).toMatchObject({ status: 'rejected', code: 'offer_decided' });
  });

  it('an offer is not confirmed as a duty', async () => {
    const offer = await offerOf(db, OKSANA, 'settling-adaptation-programme');
    expect(await post(OKSANA, mutation('duty.confirm', { offerId: offer.id }))).toMatchObject({ code: 'not_duty' });
  });
});

describe('undoing a decline', () => {
  it('within the deadline puts the offer and its step back, and the offer can be accepted', async () => {
    const offer = await offerOf(db, OKSANA, 'settling-adaptation-programme');
    expect((await post(OKSANA, mutation('offer.decline', { offerId: offer.id, reason: 'no time' }))).status).toBe(
      'applied',
    );
    expect((await stepOf(db, offer.stepId!)).status).toBe('declined');
    expect((await post(OKSANA, mutation('offer.undo_decline', { offerId: offer.id }))).status).toBe('applied');
    expect(await offerOf(db, OKSANA, 'settling-adaptation-programme')).toMatchObject({
      status: 'pending',
      decidedAt: null,
      declineReason: null,
    });
    const step = await stepOf(db, offer.stepId!);
    expect(step).toMatchObject({ status: 'action_needed', actor: 'person', dueDate: offer.deadline });
    expect(step.history.slice(-2).map((h) => [h.from, h.to])).toEqual([
      [step.history.at(-2)!.from, 'declined'],
      ['declined', 'action_needed'],
    ]);
    expect((await post(OKSANA, mutation('offer.accept', { offerId: offer.id }))).status).toBe('applied');
  });

  it('after the deadline is refused, writing nothing', async () => {
    const offer = await offerOf(db, AIVAR, 'pension-old-age-offer');
    const decline = await post(AIVAR, mutation('offer.decline', { offerId: offer.id }));
    expect(decline.status).toBe('applied');
    await db.query('UPDATE offers SET deadline = current_date - 2 WHERE id = $1', [offer.id]);
    const before = await written(AIVAR);
    expect(await post(AIVAR, mutation('offer.undo_decline', { offerId: offer.id }))).toMatchObject({
      status: 'rejected',
      code: 'offer_expired',
    });
    expect(await written(AIVAR)).toEqual(before);
  });
});

describe('one thread per offer', () => {
  it('the offer’s notification is handled (read) once the offer is decided, not left new beside the next', async () => {
    const offer = await offerOf(db, KADRI, 'child-parental-benefit');
    const notices = async () =>
      (await changes(KADRI))
        .flatMap((c) => (c.entity === 'notification' && c.op === 'put' ? [NotificationRow.parse(c.data)] : []))
        .filter((n) => n.link === `/offers/${offer.id}`);
    expect((await notices()).map((n) => n.readAt)).toEqual([null]);
    expect((await post(KADRI, mutation('offer.accept', { offerId: offer.id }))).status).toBe('applied');
    const [notice] = await notices();
    expect(notice.readAt).not.toBeNull();
  });
});
