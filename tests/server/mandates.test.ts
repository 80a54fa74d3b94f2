import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToDate, tallinnDate } from '../../src/contract/dates';
import { makePersonalCode } from '../../src/contract/isikukood';
import { MandateRow } from '../../src/contract/mandates';
import { OfferRow } from '../../src/contract/offers';
import { createAgencyKey } from '../../src/server/agency/keys';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';
import { mutationRoutes, syncRoutes } from '../../src/server/routes/sync';
import { demoCodes } from '../../src/server/seed/people';
import { mutationHandlers } from '../../src/server/sync/handlers';
import { pullChanges } from '../../src/server/sync/pull';
import { postAgencyEvent, testApp } from './app';
import { openTestDatabase } from './db';
import { asPerson, personId } from './person-harness';

/**
 * Mandates: authorisations given in the app (grant, revoke, decline and their refusals), parental
 * rights and guardianship from register events, and acting for a subject by the mandate that holds
 * when the server applies the change.
 */

const AIVAR = demoCodes.aivar;
const KADRI = demoCodes.kadri;
const MARTIN = demoCodes.martin;

let db: Database;
let person: ReturnType<typeof asPerson>;
let agencyApp: ReturnType<typeof testApp>;
let population: string;
let court: string;
let ska: string;
let seq = 0;
const today = tallinnDate(new Date());

beforeAll(async () => {
  db = await openTestDatabase();
  person = asPerson(db, (r) => {
    r.route(
      '/api/mutations',
      mutationRoutes(db, mutationHandlers, createLogger(process.env.TEST_LOG ? 'error' : 'silent')),
    );
    r.route('/api/sync', syncRoutes(db));
  });
  agencyApp = testApp(db);
  const scopes = ['population.custody_changed', 'court.guardianship_changed'];
  population = (await createAgencyKey(db, 'siseministeerium', { scopes })).key;
  court = (await createAgencyKey(db, 'maakohus', { scopes })).key;
  ska = (await createAgencyKey(db, 'ska', { scopes })).key;
});
afterAll(() => db.close());

/** A person who uses the service. */
async function addPerson(birthDate: string, givenName: string, familyName = 'Test'): Promise<string> {
  const code = makePersonalCode(birthDate, seq % 2 ? 'male' : 'female', 100 + (++seq % 800));
  await db.query(`INSERT INTO persons (personal_code, given_name, family_name, facts) VALUES ($1, $2, $3, $4)`, [
    code,
    givenName,
    familyName,
    { birthDate, children: [] },
  ]);
  return code;
}

const mutation = (type: string, payload: unknown, subject?: string) => ({
  id: randomUUID(),
  type,
  payload,
  createdAt: new Date().toISOString(),
  ...(subject ? { subject } : {}),
});

async function send(who: string, ...mutations: ReturnType<typeof mutation>[]) {
  const res = await person.request('/api/mutations', {
    method: 'POST',
    headers: { 'x-test-person': who, 'content-type': 'application/json' },
    body: JSON.stringify({ mutations }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: { status: string; code?: string }[] }).results;
}

async function sync(who: string, subject?: string) {
  const res = await person.request(`/api/sync${subject ? `?subject=${subject}` : ''}`, {
    headers: { 'x-test-person': who },
  });
  return { status: res.status, body: await res.json() };
}

async function grant(from: string, to: string, extra: Partial<Record<string, unknown>> = {}) {
  const mandateId = randomUUID();
  const results = await send(
    from,
    mutation('mandate.grant', {
      mandateId,
      personalCode: to,
      scope: 'act',
      services: null,
      validUntil: addToDate(today, 1),
      ...extra,
    }),
  );
  return { mandateId, result: results[0] };
}

async function mandateRows(code: string) {
  const { changes } = await pullChanges(db, await personId(db, code), 0, 10_000);
  return changes.flatMap((c) =>
    c.entity === 'mandate' && c.op === 'put' ? [MandateRow.parse({ ...c.data, id: c.id })] : [],
  );
}

async function pendingOffer(code: string, subServiceId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT o.id FROM offers o JOIN persons p ON p.id = o.person_id
     WHERE p.personal_code = $1 AND o.sub_service_id = $2 AND o.status = 'pending'`,
    [code, subServiceId],
  );
  expect(rows[0], `a pending ${subServiceId} offer of ${code}`).toBeDefined();
  return rows[0].id;
}

const offerStatus = async (id: string) =>
  (
    await db.query<{ status: string; decided_by: string | null }>(
      'SELECT status, decided_by FROM offers WHERE id = $1',
      [id],
    )
  ).rows[0];

const postEvent = (key: string, body: Record<string, unknown>) =>
  postAgencyEvent(agencyApp, key, {
    id: `m-${++seq}`,
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    ...body,
  });

describe('mandate.grant', () => {
  it('refuses an authorisation to oneself, to an invalid or unknown code, ending in the past, over 3 years, for an unknown service', async () => {
    const unknown = makePersonalCode('1980-01-01', 'male', 777);
    const cases: [Partial<Record<string, unknown>>, string, string][] = [
      [{}, AIVAR, 'mandate_self'],
      [{}, '12345678901', 'invalid_code'],
      [{}, 'abc', 'invalid_code'],
      [{}, unknown, 'unknown_person'],
      [{ validUntil: addToDate(today, 0, -1) }, KADRI, 'end_in_past'],
      [{ validUntil: addToDate(addToDate(today, 3), 0, 1) }, KADRI, 'too_long'],
      [{ services: ['no-such-service'] }, KADRI, 'unknown_service'],
    ];
    for (const [extra, to, code] of cases) {
      const { mandateId, result } = await grant(AIVAR, to, extra);
      expect(result, `${to} ${JSON.stringify(extra)}`).toMatchObject({ status: 'rejected', code });
      expect((await db.query('SELECT 1 FROM mandates WHERE id = $1', [mandateId])).rows).toHaveLength(0);
    }
    expect((await grant(AIVAR, KADRI, { validUntil: addToDate(today, 3) })).result.status).toBe('applied');
    expect((await grant(AIVAR, KADRI, { validUntil: today })).result.status).toBe('applied');
  });

  it('shows the authorisation to both people, and the authorised one may decline it', async () => {
    const liis = await addPerson('1990-05-05', 'Liis', 'Mägi');
    const { mandateId, result } = await grant(AIVAR, liis, { scope: 'view', services: ['retirement'] });
    expect(result.status).toBe('applied');
    const given = (await mandateRows(AIVAR)).find((m) => m.id === mandateId);
    const received = (await mandateRows(liis)).find((m) => m.id === mandateId);
    expect(given).toMatchObject({
      role: 'subject',
      kind: 'authorisation',
      scope: 'view',
      services: ['retirement'],
      status: 'active',
    });
    expect(given?.person.givenName).toBe('Liis');
    expect(received).toMatchObject({ role: 'actor', status: 'active' });
    expect(received?.person.givenName).toBe('Aivar');
    // Only the authorised person declines; only the giver revokes.
    expect((await send(AIVAR, mutation('mandate.decline', { mandateId })))[0]).toMatchObject({ code: 'not_found' });
    expect((await send(liis, mutation('mandate.revoke', { mandateId })))[0]).toMatchObject({ code: 'not_found' });
    expect((await send(liis, mutation('mandate.decline', { mandateId })))[0].status).toBe('applied');
    expect((await mandateRows(AIVAR)).find((m) => m.id === mandateId)?.status).toBe('declined');
    expect((await sync(liis, await personId(db, AIVAR))).status).toBe(404);
  });

  it('tells the authorised person, in every language, who authorised them to do what until when; a refused grant tells nobody', async () => {
    const notices = async (code: string) =>
      (
        await db.query<{ title: Record<string, string>; body: Record<string, string>; link: string }>(
          'SELECT n.title, n.body, n.link FROM notifications n JOIN persons p ON p.id = n.person_id WHERE p.personal_code = $1',
          [code],
        )
      ).rows;
    const son = await addPerson('1993-08-08', 'Rasmus', 'Mägi');
    expect((await grant(AIVAR, son, { validUntil: addToDate(today, 4) })).result.status).toBe('rejected');
    expect(await notices(son)).toEqual([]);
    const until = addToDate(today, 2);
    expect((await grant(AIVAR, son, { scope: 'view', validUntil: until })).result.status).toBe('applied');
    const [notice] = await notices(son);
    expect(notice.link).toBe('/authorisations');
    const [y, m, d] = until.split('-');
    expect(notice.body.et).toBe(
      `Aivar Mägi volitas sind nägema tema andmeid kuni ${d}.${m}.${y}. Kui sa seda ei soovi, saad volitusest loobuda.`,
    );
    for (const lang of ['en', 'ru', 'uk']) {
      expect(notice.body[lang]).toContain('Aivar Mägi');
      expect(notice.body[lang]).not.toBe(notice.body.et);
    }
    // The title, which a push shows on a locked screen, names nobody.
    expect(Object.values(notice.title).join(' ')).not.toContain('Aivar');
    expect((await grant(AIVAR, son, { scope: 'act' })).result.status).toBe('applied');
    expect((await notices(son)).map((n) => n.body.en)).toContainEqual(expect.stringContaining('and act for them'));
  });

  it('revokes idempotently', async () => {
    const daughter = await addPerson('1991-06-06', 'Mari');
    const { mandateId } = await grant(AIVAR, daughter);
    for (let i = 0; i < 2; i++)
      expect((await send(AIVAR, mutation('mandate.revoke', { mandateId })))[0].status).toBe('applied');
    const row = (await mandateRows(daughter)).find((m) => m.id === mandateId);
    expect(row).toMatchObject({ status: 'revoked', endedAt: expect.any(String) });
    expect((await send(AIVAR, mutation('mandate.revoke', { mandateId: randomUUID() })))[0]).toMatchObject({
      code: 'not_found',
    });
  });
});

describe('acting for a subject', () => {
  it('lets the authorised person accept the offer for him, and records who did', async () => {
    const liis = await addPerson('1992-07-07', 'Liis', 'Mägi');
    const aivarId = await personId(db, AIVAR);
    await grant(AIVAR, liis, { services: ['retirement'] });
    const offerId = await pendingOffer(AIVAR, 'pension-old-age-offer');
    const m = mutation('offer.accept', { offerId, fields: { bankAccount: 'EE382200221020145685' } }, aivarId);
    expect((await send(liis, m))[0].status).toBe('applied');
    expect(await offerStatus(offerId)).toEqual({ status: 'accepted', decided_by: await personId(db, liis) });
    const { rows } = await db.query('SELECT person_id, actor_id FROM applied_mutations WHERE id = $1', [m.id]);
    expect(rows[0]).toEqual({ person_id: aivarId, actor_id: await personId(db, liis) });
    // Aivar's own device shows who decided.
    const { changes } = await pullChanges(db, aivarId, 0, 10_000);
    const offer = changes.find((c) => c.entity === 'offer' && c.id === offerId);
    expect(OfferRow.parse({ ...(offer as { data: object }).data, id: offerId }).decidedBy).toEqual({
      givenName: 'Liis',
      familyName: 'Mägi',
    });
    // His step's history says who accepted, not "You accepted".
    const { rows: steps } = await db.query<{ reason: Record<string, string> }>(
      `SELECT h.reason FROM step_history h JOIN offers o ON o.step_id = h.step_id WHERE o.id = $1 ORDER BY h.at DESC, h.id DESC LIMIT 1`,
      [offerId],
    );
    expect(steps[0].reason.en).toMatch(/^Liis Mägi accepted the offer\. .+ is dealing with it\.$/);
    expect(steps[0].reason.et).toMatch(/^Liis Mägi nõustus pakkumisega\./);
    expect(steps[0].reason.ru).toContain('Сделано: Liis Mägi');
    // The same mutation again is a duplicate, even from Aivar's side it is someone else's id.
    expect((await send(liis, m))[0].status).toBe('duplicate');
    expect((await send(AIVAR, m))[0]).toMatchObject({ code: 'id_conflict' });
  });

  it('sends the subject only the rows of the services of the mandate, never their settings or mandates', async () => {
    const liis = await addPerson('1993-08-08', 'Liis');
    const aivarId = await personId(db, AIVAR);
    await grant(AIVAR, liis, { scope: 'view', services: ['retirement'] });
    const { status, body } = await sync(liis, aivarId);
    expect(status).toBe(200);
    const changes = body.changes as { entity: string; data?: { eventServiceId?: string } }[];
    expect(changes.some((c) => c.entity === 'offer')).toBe(true);
    for (const c of changes) {
      expect(['case', 'step', 'offer', 'feedback_request']).toContain(c.entity);
      if (c.entity !== 'step') expect(c.data?.eventServiceId).toBe('retirement');
    }
  });

  it('refuses what the mandate does not cover: view only, another service, settings and mandates', async () => {
    const viewer = await addPerson('1994-09-09', 'Vaataja');
    const kadriId = await personId(db, KADRI);
    const offerId = await pendingOffer(KADRI, 'child-parental-benefit');
    await send(
      KADRI,
      mutation('mandate.grant', {
        mandateId: randomUUID(),
        personalCode: viewer,
        scope: 'view',
        services: null,
        validUntil: addToDate(today, 1),
      }),
    );
    expect((await send(viewer, mutation('offer.accept', { offerId }, kadriId)))[0]).toMatchObject({
      code: 'mandate_scope',
    });
    const pensionOnly = await addPerson('1994-10-10', 'Pension');
    await send(
      KADRI,
      mutation('mandate.grant', {
        mandateId: randomUUID(),
        personalCode: pensionOnly,
        scope: 'act',
        services: ['retirement'],
        validUntil: addToDate(today, 1),
      }),
    );
    const results = await send(
      pensionOnly,
      mutation('offer.accept', { offerId }, kadriId),
      mutation('offer.decline', { offerId }, kadriId),
      mutation('notification.read', { notificationId: randomUUID() }, kadriId),
      mutation('settings.update', { language: 'ru' }, kadriId),
      mutation(
        'mandate.grant',
        { mandateId: randomUUID(), personalCode: AIVAR, scope: 'act', services: null, validUntil: today },
        kadriId,
      ),
      mutation('mandate.revoke', { mandateId: randomUUID() }, kadriId),
    );
    expect(results.map((r) => r.code)).toEqual(Array(6).fill('mandate_scope'));
    expect((await offerStatus(offerId)).status).toBe('pending');
  });

  it('refuses with not_found without a mandate, and mandate_revoked once it ended before the change arrived', async () => {
    const kadriId = await personId(db, KADRI);
    const offerId = await pendingOffer(KADRI, 'child-parental-benefit');
    const stranger = await addPerson('1970-01-02', 'Võõras');
    expect((await send(stranger, mutation('offer.accept', { offerId }, kadriId)))[0]).toMatchObject({
      code: 'not_found',
    });
    expect((await send(stranger, mutation('offer.accept', { offerId }, randomUUID())))[0]).toMatchObject({
      code: 'not_found',
    });
    expect((await sync(stranger, kadriId)).status).toBe(404);
    expect((await sync(stranger, 'not-a-uuid')).status).toBe(404);

    const helper = await addPerson('1970-01-03', 'Abi');
    const revoked = await grantFrom(KADRI, helper);
    await send(KADRI, mutation('mandate.revoke', { mandateId: revoked }));
    const expiredHelper = await addPerson('1970-01-04', 'Aegunud');
    const expired = await grantFrom(KADRI, expiredHelper);
    await db.query(`UPDATE mandates SET valid_until = $2 WHERE id = $1`, [expired, addToDate(today, 0, -1)]);
    for (const who of [helper, expiredHelper]) {
      const m = mutation('offer.accept', { offerId }, kadriId);
      expect((await send(who, m))[0], who).toMatchObject({ code: 'mandate_revoked' });
      expect((await db.query('SELECT 1 FROM applied_mutations WHERE id = $1', [m.id])).rows).toHaveLength(0);
      expect((await sync(who, kadriId)).status).toBe(404);
    }
    expect((await offerStatus(offerId)).status).toBe('pending');
  });
});

async function grantFrom(from: string, to: string) {
  const mandateId = randomUUID();
  const [result] = await send(
    from,
    mutation('mandate.grant', {
      mandateId,
      personalCode: to,
      scope: 'act',
      services: null,
      validUntil: addToDate(today, 1),
    }),
  );
  expect(result.status).toBe('applied');
  return mandateId;
}

describe('parental rights and guardianship from register events', () => {
  it('takes custody events only from the population register', async () => {
    const child = await addPerson('2020-02-02', 'Laps');
    const body = { type: 'population.custody_changed', child, custody: 'sole', parents: [KADRI] };
    for (const key of [ska, court]) expect((await postEvent(key, body)).status).toBe(403);
    expect(
      (
        await db.query('SELECT 1 FROM mandates m JOIN persons p ON p.id = m.subject_id WHERE p.personal_code = $1', [
          child,
        ])
      ).rows,
    ).toHaveLength(0);
    expect((await postEvent(population, { ...body, custody: 'joint' })).status).toBe(400);
    expect((await postEvent(population, { ...body, child: KADRI })).status).toBe(400);
  });

  it('gives joint custody to both parents, then sole custody ends the other one’s, and restoring it brings it back', async () => {
    const child = await addPerson('2021-03-03', 'Marta', 'Tamm');
    const childId = await personId(db, child);
    expect(
      await postEvent(population, {
        type: 'population.custody_changed',
        child,
        custody: 'joint',
        parents: [KADRI, MARTIN],
      }),
    ).toMatchObject({
      status: 200,
      body: { result: { holders: 2, ended: 0 } },
    });
    const kadriRow = (await mandateRows(KADRI)).find((m) => m.person.id === childId);
    expect(kadriRow).toMatchObject({
      kind: 'parent',
      role: 'actor',
      scope: 'act',
      services: null,
      validUntil: '2039-03-02',
    });
    expect((await sync(MARTIN, childId)).status).toBe(200);

    expect(
      (await postEvent(population, { type: 'population.custody_changed', child, custody: 'sole', parents: [KADRI] }))
        .body,
    ).toMatchObject({
      result: { holders: 1, ended: 1 },
    });
    expect((await mandateRows(MARTIN)).find((m) => m.person.id === childId)?.status).toBe('removed');
    expect((await sync(MARTIN, childId)).status).toBe(404);
    expect(
      (await send(MARTIN, mutation('notification.read', { notificationId: randomUUID() }, childId)))[0],
    ).toMatchObject({
      code: 'mandate_revoked',
    });
    expect((await sync(KADRI, childId)).status).toBe(200);

    await postEvent(population, {
      type: 'population.custody_changed',
      child,
      custody: 'joint',
      parents: [MARTIN, KADRI],
    });
    expect((await mandateRows(MARTIN)).find((m) => m.person.id === childId)?.status).toBe('active');
  });

  it('ends parental rights on the 18th birthday, and refuses custody of an adult', async () => {
    const adult = await addPerson(addToDate(today, -18), 'Täisealine');
    expect(
      (
        await postEvent(population, {
          type: 'population.custody_changed',
          child: adult,
          custody: 'sole',
          parents: [KADRI],
        })
      ).body,
    ).toMatchObject({
      error: { code: 'not_a_minor' },
    });
    const nearly = await addPerson(addToDate(addToDate(today, -18), 0, 1), 'Peaaegu');
    const nearlyId = await personId(db, nearly);
    await postEvent(population, {
      type: 'population.custody_changed',
      child: nearly,
      custody: 'sole',
      parents: [KADRI],
    });
    expect((await sync(KADRI, nearlyId)).status).toBe(200);
    // The birthday comes: the mandate's last day is behind.
    await db.query(`UPDATE persons SET facts = jsonb_set(facts, '{birthDate}', to_jsonb($2::text)) WHERE id = $1`, [
      nearlyId,
      addToDate(today, -18),
    ]);
    await db.query('UPDATE mandates SET valid_until = $2 WHERE subject_id = $1', [nearlyId, addToDate(today, 0, -1)]);
    expect((await sync(KADRI, nearlyId)).status).toBe(404);
    expect(
      (await send(KADRI, mutation('notification.read', { notificationId: randomUUID() }, nearlyId)))[0],
    ).toMatchObject({
      code: 'mandate_revoked',
    });
  });

  it('takes guardianship from a court, until its end date, and an empty list ends it', async () => {
    const ward = await addPerson('1950-04-04', 'Hoolealune');
    const wardId = await personId(db, ward);
    const guardianship = { type: 'court.guardianship_changed', ward, guardians: [MARTIN], until: addToDate(today, 2) };
    expect((await postEvent(population, guardianship)).status).toBe(403);
    expect((await postEvent(court, guardianship)).status).toBe(200);
    expect((await mandateRows(MARTIN)).find((m) => m.person.id === wardId)).toMatchObject({
      kind: 'guardian',
      validUntil: addToDate(today, 2),
      status: 'active',
    });
    expect((await postEvent(court, { ...guardianship, guardians: [] })).body).toMatchObject({ result: { ended: 1 } });
    expect((await sync(MARTIN, wardId)).status).toBe(404);
    expect(
      (await postEvent(court, { ...guardianship, ward: makePersonalCode('1950-04-04', 'male', 999) })).status,
    ).toBe(404);
  });
});

describe('the demo', () => {
  it('gives Kadri and Martin joint custody of Marta, with her own steps; Oksana custody of Andrii; Sergei sole custody; Liis Mägi Aivar’s pension', async () => {
    const marta = await personId(db, '22609190279');
    for (const parent of [KADRI, MARTIN]) {
      const { status, body } = await sync(parent, marta);
      expect(status).toBe(200);
      const steps = (body.changes as { entity: string; data: { subServiceId?: string; status?: string } }[])
        .filter((c) => c.entity === 'step')
        .map((c) => [c.data.subServiceId, c.data.status]);
      expect(steps).toEqual(
        expect.arrayContaining([
          ['child-health-insurance', 'in_progress'],
          ['child-family-doctor', 'waiting'],
          ['child-id-document', 'action_needed'],
        ]),
      );
    }
    expect((await mandateRows(demoCodes.oksana)).find((m) => m.kind === 'parent')?.person.givenName).toBe('Andrii');
    const jelizaveta = await personId(db, '21304221644');
    expect((await mandateRows(demoCodes.sergei)).find((m) => m.person.id === jelizaveta)?.status).toBe('active');
    const liis = (await mandateRows(demoCodes.liis_magi)).find((m) => m.kind === 'authorisation');
    expect(liis).toMatchObject({ role: 'actor', scope: 'act', services: ['retirement'], status: 'active' });
    expect(liis?.person.givenName).toBe('Aivar');
  });
});

describe('joint custody', () => {
  it('lets the first parent to answer decide; the other sees who did and cannot answer again', async () => {
    const marta = await personId(db, '22609190279');
    // An offer addressed to Marta herself (a copy of her mother's, made hers).
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO offers (person_id, rule_id, sub_service_id, subject_key, kind,
         declinable, deadline, fields, data_basis, legal_basis, vars)
       SELECT $1, rule_id, sub_service_id, 'marta', kind, declinable, deadline, fields,
         data_basis, legal_basis, vars
       FROM offers o JOIN persons p ON p.id = o.person_id
       WHERE p.personal_code = $2 AND o.sub_service_id = 'child-parental-benefit' LIMIT 1 RETURNING id`,
      [marta, KADRI],
    );
    const offerId = rows[0].id;
    const decline = mutation('offer.decline', { offerId }, marta);
    expect((await send(MARTIN, decline))[0].status).toBe('applied');
    expect((await send(KADRI, mutation('offer.decline', { offerId }, marta)))[0].status).toBe('applied');
    expect((await send(KADRI, mutation('offer.accept', { offerId }, marta)))[0]).toMatchObject({
      code: 'offer_decided',
    });
    const { body } = await sync(KADRI, marta);
    const offer = (body.changes as { entity: string; id: string; data: unknown }[]).find((c) => c.id === offerId);
    expect(OfferRow.parse({ ...(offer?.data as object), id: offerId })).toMatchObject({
      status: 'declined',
      decidedBy: { givenName: 'Martin', familyName: 'Tamm' },
    });
  });
});
