import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionPerson } from '../../src/server/auth/context';
import { openCase } from '../../src/server/cases/store';
import type { Database } from '../../src/server/db/database';
import { answerFeedback } from '../../src/server/feedback/answers';
import { notifyDueFeedbackRequests, scheduleFeedback } from '../../src/server/feedback/requests';
import { serviceStats, toCsv } from '../../src/server/feedback/stats';
import { createLogger } from '../../src/server/log';
import { statsRoutes } from '../../src/server/routes/stats';
import { mutationRoutes } from '../../src/server/routes/sync';
import { mutationHandlers } from '../../src/server/sync/handlers';
import { openTestDatabase } from './db';
import { asPerson, mutation, personId } from './person-harness';

const KADRI = '24304142717';
const LIIS = '23711087040';
let db: Database;
let app: ReturnType<typeof asPerson>;
let kadri: string;

beforeAll(async () => {
  db = await openTestDatabase();
  app = asPerson(db, (r) => r.route('/api/mutations', mutationRoutes(db, mutationHandlers, createLogger('silent'))));
  kadri = await personId(db, KADRI);
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.exec(
    'DELETE FROM feedback_answers; DELETE FROM feedback_requests; DELETE FROM feedback_opt_outs; DELETE FROM notifications',
  );
});

async function completedStep(pid: string, subServiceId = 'child-allowance') {
  const opened = await db.transaction((tx) => openCase(tx, pid, { eventServiceId: 'having-a-child' }));
  return {
    personId: pid,
    stepId: opened.stepIds[subServiceId],
    subServiceId,
    agencyId: 'ska',
    eventServiceId: 'having-a-child',
  };
}

const schedule = (step: Awaited<ReturnType<typeof completedStep>>, now?: Date) =>
  db.transaction((tx) => scheduleFeedback(tx, step, now));

async function post(mutations: unknown[]) {
  const res = await app.request('/api/mutations', {
    method: 'POST',
    headers: { 'x-test-person': KADRI, 'content-type': 'application/json' },
    body: JSON.stringify({ mutations }),
  });
  return ((await res.json()) as { results: { status: string; code?: string }[] }).results;
}
describe('scheduling', () => {
  it('asks a day after the service, for 14 days, and puts the request in the change log', async () => {
    const now = new Date('2026-11-21T10:00:00Z');
    const request = await schedule(await completedStep(kadri), now);
    expect(request).toMatchObject({
      question: 'smooth',
      status: 'pending',
      availableAt: '2026-11-22T10:00:00.000Z',
      expiresAt: '2026-12-06T10:00:00.000Z',
    });
    const { rows } = await db.query('SELECT op FROM person_changes WHERE entity = $1 AND entity_id = $2', [
      'feedback_request',
      request!.id,
    ]);
    expect(rows).toEqual([{ op: 'put' }]);
  });

  it('asks at most once per service in 30 days', async () => {
    const now = new Date();
    expect(await schedule(await completedStep(kadri), now)).not.toBeNull();
    expect(await schedule(await completedStep(kadri), new Date(now.getTime() + 29 * 86_400_000))).toBeNull();
    expect(await schedule(await completedStep(kadri, 'child-birth-allowance'), now)).not.toBeNull();
  });

  it('asks "how smooth" about a service nobody chooses: a registration, a benefit, a document only one agency issues', async () => {
    for (const id of ['child-birth-registration', 'child-allowance', 'child-parental-benefit', 'child-id-document']) {
      expect((await schedule(await completedStep(kadri, id)))?.question, id).toBe('smooth');
    }
  });

  it('asks "would you recommend" about an optional service people choose', async () => {
    expect((await schedule(await completedStep(kadri, 'child-kindergarten-place')))?.question).toBe('recommend');
  });

  it('never asks again after "don’t ask about this service"', async () => {
    const request = await schedule(await completedStep(kadri));
    expect(await post([mutation('feedback.dismiss', { requestId: request!.id, optOut: true })])).toEqual([
      { id: expect.any(String), status: 'applied' },
    ]);
    await db.exec("UPDATE feedback_requests SET created_at = created_at - interval '60 days'");
    expect(await schedule(await completedStep(kadri))).toBeNull();
  });

  it('tells the person once the request is due, and only once', async () => {
    const request = await schedule(await completedStep(kadri), new Date(Date.now() - 2 * 86_400_000));
    expect(await notifyDueFeedbackRequests(db)).toBe(1);
    expect(await notifyDueFeedbackRequests(db)).toBe(0);
    const { rows } = await db.query<{ topic: string; link: string }>(
      'SELECT topic, link FROM notifications WHERE person_id = $1',
      [kadri],
    );
    expect(rows).toEqual([{ topic: 'feedback', link: `/feedback/${request!.id}` }]);
  });

  it('does not tell about a request that is not due yet', async () => {
    await schedule(await completedStep(kadri));
    expect(await notifyDueFeedbackRequests(db)).toBe(0);
  });
});

describe('answers', () => {
  it('takes one answer per request; a second is rejected and a repeated mutation is a duplicate', async () => {
    const request = await schedule(await completedStep(kadri, 'child-kindergarten-place'));
    const answer = mutation('feedback.answer', {
      requestId: request!.id,
      score: 9,
      smoothness: 7,
      comment: 'Kiire ja lihtne',
    });
    expect((await post([answer]))[0].status).toBe('applied');
    expect((await post([answer]))[0].status).toBe('duplicate');
    expect(await post([mutation('feedback.answer', { requestId: request!.id, score: 2 })])).toEqual([
      expect.objectContaining({ status: 'rejected', code: 'already_answered' }),
    ]);
    const { rows } = await db.query('SELECT score, smoothness, comment, language, channel FROM feedback_answers');
    expect(rows).toEqual([{ score: 9, smoothness: 7, comment: 'Kiire ja lihtne', language: 'et', channel: 'app' }]);
  });

  it('refuses an expired request, another person’s request, and bad scores or long comments', async () => {
    const expired = await schedule(await completedStep(kadri), new Date(Date.now() - 20 * 86_400_000));
    const theirs = await schedule(await completedStep(await personId(db, LIIS)));
    const mine = await schedule(await completedStep(kadri, 'child-birth-allowance'));
    const results = await post([
      mutation('feedback.answer', { requestId: expired!.id, score: 10 }),
      mutation('feedback.answer', { requestId: theirs!.id, score: 10 }),
      mutation('feedback.answer', { requestId: mine!.id, score: 11 }),
      mutation('feedback.answer', { requestId: mine!.id, score: 5, comment: 'x'.repeat(2001) }),
    ]);
    expect(results.map((r) => r.code)).toEqual(['feedback_expired', 'not_found', 'invalid_payload', 'invalid_payload']);
    expect((await db.query('SELECT * FROM feedback_answers')).rows).toEqual([]);
  });
});

describe('statistics', () => {
  async function answers(scores: number[], month: string, subServiceId = 'child-kindergarten-place') {
    const person: SessionPerson = {
      id: kadri,
      personalCode: KADRI,
      givenName: 'K',
      familyName: 'T',
      preferredLanguage: 'et',
    };
    for (const score of scores) {
      await db.exec("DELETE FROM feedback_requests WHERE status = 'pending'");
      await db.exec("UPDATE feedback_requests SET created_at = created_at - interval '400 days'");
      const request = await schedule(await completedStep(kadri, subServiceId));
      await db.transaction((tx) => answerFeedback(tx, person, { requestId: request!.id, score, smoothness: score }));
      await db.query('UPDATE feedback_answers SET answered_at = $1 WHERE request_id = $2', [
        `${month}-15T12:00:00Z`,
        request!.id,
      ]);
    }
  }

  it('gives counts and indices per service and month, and no index under 10 answers', async () => {
    await answers([10, 10, 10, 10, 10, 9, 8, 7, 3, 0], '2026-09');
    await answers([10, 9, 3], '2026-10');
    const rows = await serviceStats(db);
    expect(rows).toEqual([
      {
        month: '2026-09',
        subServiceId: 'child-kindergarten-place',
        agencyId: 'ska',
        eventServiceId: 'having-a-child',
        question: 'recommend',
        answers: 10,
        promoters: 6,
        passives: 2,
        detractors: 2,
        index: 40,
        satisfaction: 40,
      },
      {
        month: '2026-10',
        subServiceId: 'child-kindergarten-place',
        agencyId: 'ska',
        eventServiceId: 'having-a-child',
        question: 'recommend',
        answers: 3,
        promoters: null,
        passives: null,
        detractors: null,
        index: null,
        satisfaction: null,
      },
    ]);
  });

  it('says which question was asked, and counts each service by the answers to its own question', async () => {
    await answers([10, 10, 10, 10, 10, 9, 8, 7, 3, 0], '2026-09', 'child-allowance');
    await answers([10, 2], '2026-09');
    const rows = await serviceStats(db);
    expect(rows.map((r) => [r.subServiceId, r.question, r.answers, r.index])).toEqual([
      ['child-allowance', 'smooth', 10, 40],
      ['child-kindergarten-place', 'recommend', 2, null],
    ]);
  });

  it('is public open data as JSON and CSV, without comments, and without the counts of a group under 10', async () => {
    await answers([10, 10, 10, 10, 10, 9, 8, 7, 3, 0], '2026-09');
    await answers([10, 9, 3], '2026-10');
    await db.exec(`UPDATE feedback_answers SET comment = 'secret words'`);
    const api = statsRoutes(db);
    const json = await api.request('/services');
    const body = await json.json();
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(body.rows).toContainEqual(
      expect.objectContaining({ month: '2026-10', answers: 3, promoters: null, passives: null, detractors: null }),
    );
    const csv = await api.request('/services?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toBe(
      'month,subServiceId,agencyId,eventServiceId,question,answers,promoters,passives,detractors,index,satisfaction\r\n' +
        '2026-09,child-kindergarten-place,ska,having-a-child,recommend,10,6,2,2,40,40\r\n' +
        '2026-10,child-kindergarten-place,ska,having-a-child,recommend,3,,,,,\r\n',
    );
    const mounted = asPerson(db, (r) => r.route('/api/stats', statsRoutes(db)));
    const bad = await mounted.request('/api/stats/services?format=xml', { headers: { 'x-test-person': KADRI } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_format' } });
    expect(toCsv([])).toBe(
      'month,subServiceId,agencyId,eventServiceId,question,answers,promoters,passives,detractors,index,satisfaction\r\n',
    );
  });
});
