import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgencyKey } from '../../src/server/agency/keys';
import type { Database } from '../../src/server/db/database';
import { testApp } from './app';
import { openTestDatabase } from './db';
import { personId } from './person-harness';

const KADRI = '24304142717';
const reason = { et: 'Otsus tehtud.', en: 'Decision made.', ru: 'Решение принято.', uk: 'Рішення ухвалено.' };
let db: Database;
let app: ReturnType<typeof testApp>;
let key: string;

beforeAll(async () => {
  db = await openTestDatabase();
  app = testApp(db);
  key = (await createAgencyKey(db, 'tervisekassa', { scopes: ['service.status_changed'] })).key;
});
afterAll(() => db.close());

const occurredAt = new Date().toISOString();
const post = (id: string, status: string) =>
  app.request('/api/agency/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      id,
      type: 'service.status_changed',
      occurredAt,
      personalCode: KADRI,
      subServiceId: 'child-health-insurance',
      status,
      reason,
    }),
  });

describe('after an agency moves a step', () => {
  it('tells the person, and asks for feedback once the service is completed', async () => {
    const kadri = await personId(db, KADRI);
    expect((await post('effects-1', 'completed')).status).toBe(200);
    const notes = await db.query<{ topic: string; title: { en: string }; body: { en: string }; link: string }>(
      `SELECT topic, title, body, link FROM notifications WHERE person_id = $1 AND topic = 'status'`,
      [kadri],
    );
    expect(notes.rows).toEqual([
      {
        topic: 'status',
        title: expect.objectContaining({ et: expect.any(String) }),
        body: reason,
        link: expect.stringMatching(/^\/events\/[0-9a-f-]{36}$/),
      },
    ]);
    const requests = await db.query<{ sub_service_id: string; status: string }>(
      `SELECT sub_service_id, status FROM feedback_requests WHERE person_id = $1 AND sub_service_id = 'child-health-insurance'`,
      [kadri],
    );
    expect(requests.rows).toEqual([{ sub_service_id: 'child-health-insurance', status: 'pending' }]);
  });

  it('does neither twice for a repeated event', async () => {
    const before = await db.query(
      'SELECT (SELECT count(*) FROM notifications) AS n, (SELECT count(*) FROM feedback_requests) AS f',
    );
    expect((await post('effects-1', 'completed')).status).toBe(200);
    const after = await db.query(
      'SELECT (SELECT count(*) FROM notifications) AS n, (SELECT count(*) FROM feedback_requests) AS f',
    );
    expect(after.rows).toEqual(before.rows);
  });
});

describe('an offer on a step the agency settles itself', () => {
  it('is granted with it', async () => {
    const ska = (await createAgencyKey(db, 'ska', { scopes: ['service.status_changed'] })).key;
    const kadri = await personId(db, KADRI);
    const pending = await db.query<{ id: string }>(
      `SELECT o.id FROM offers o JOIN steps s ON s.id = o.step_id
       WHERE o.person_id = $1 AND s.sub_service_id = 'child-parental-benefit' AND o.status = 'pending'`,
      [kadri],
    );
    expect(pending.rows).toHaveLength(1);
    const res = await app.request('/api/agency/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ska}` },
      body: JSON.stringify({
        id: 'effects-offer',
        type: 'service.status_changed',
        occurredAt: new Date().toISOString(),
        personalCode: KADRI,
        subServiceId: 'child-parental-benefit',
        status: 'completed',
        reason,
      }),
    });
    expect(res.status).toBe(200);
    const offer = await db.query<{ status: string }>('SELECT status FROM offers WHERE id = $1', [pending.rows[0].id]);
    expect(offer.rows).toEqual([{ status: 'granted' }]);
    const change = await db.query<{ data: { status: string } }>(
      `SELECT data FROM person_changes WHERE entity = 'offer' AND entity_id = $1`,
      [pending.rows[0].id],
    );
    expect(change.rows[0].data.status).toBe('granted');
  });
});
