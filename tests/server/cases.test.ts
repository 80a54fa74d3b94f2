import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRow, StepRow } from '../../src/contract/cases';
import { changeStep, loadCaseRow, loadStepRow, openCase } from '../../src/server/cases/store';
import type { Database } from '../../src/server/db/database';
import { ApiError } from '../../src/server/errors';
import { seed } from '../../src/server/seed';
import { demoPeople } from '../../src/server/seed/people';
import { pullChanges } from '../../src/server/sync/pull';
import { testApp } from './app';
import { openTestDatabase } from './db';
import { personId } from './person-harness';

const KADRI = '24304142717';
const SERGEI = '13112033897';
const text = (s: string) => ({ et: s, en: s, ru: s, uk: s });

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

/** The person's cases and steps as the client gets them: through the change log. */
async function mirrored(code: string) {
  const page = await pullChanges(db, await personId(db, code), 0, 500);
  const cases = page.changes.filter((c) => c.entity === 'case' && c.op === 'put');
  const steps = page.changes.filter((c) => c.entity === 'step' && c.op === 'put');
  return {
    cases: cases.map((c) => CaseRow.parse(c.op === 'put' ? c.data : null)),
    steps: steps.map((c) => StepRow.parse(c.op === 'put' ? c.data : null)),
  };
}

const statuses = (steps: StepRow[], caseId: string) =>
  Object.fromEntries(steps.filter((s) => s.caseId === caseId).map((s) => [s.subServiceId, s.status]));

describe('demo cases', () => {
  it('give the new parent a Having a child case mid-way, and a finished marriage', async () => {
    const { cases, steps } = await mirrored(KADRI);
    const child = cases.find((c) => c.eventServiceId === 'having-a-child')!;
    expect(child).toMatchObject({ state: 'active', subjectName: 'Marta Tamm', completedAt: null });
    expect(statuses(steps, child.id)).toEqual({
      'child-birth-registration': 'completed',
      'child-name': 'completed',
      'child-birth-allowance': 'completed',
      'child-allowance': 'completed',
      'child-parental-benefit': 'action_needed',
      'child-health-insurance': 'in_progress',
      'child-family-doctor': 'waiting',
      'child-kindergarten-place': 'not_started',
      'child-id-document': 'not_started',
    });
    const benefit = steps.find((s) => s.caseId === child.id && s.subServiceId === 'child-parental-benefit')!;
    expect(benefit.actor).toBe('person');
    expect(benefit.dueDate! > new Date().toISOString().slice(0, 10)).toBe(true);
    expect(benefit.history.map((h) => h.to)).toEqual(['not_started', 'action_needed']);
    const doctor = steps.find((s) => s.caseId === child.id && s.subServiceId === 'child-family-doctor')!;
    expect(doctor.waitingOnSubServiceId).toBe('child-health-insurance');
    expect(steps.find((s) => s.id === doctor.waitingOnStepId)?.subServiceId).toBe('child-health-insurance');

    const marriage = cases.find((c) => c.eventServiceId === 'marriage')!;
    expect(marriage.state).toBe('completed');
    expect(marriage.completedAt).not.toBeNull();
  });

  it('give every demo person with a life event in the demo a case at a realistic stage', async () => {
    const expected: Record<string, [string, string][]> = {
      '14102275188': [['having-a-child', 'active']],
      '23409254568': [['death-of-close-one', 'active']],
      '11202193427': [['retirement', 'active']],
      '23906036155': [['settling-in-estonia', 'active']],
      '10805072234': [['defence-service', 'active']],
      '23711087040': [['child-with-health-impairment', 'active']],
    };
    for (const [code, want] of Object.entries(expected)) {
      const { cases, steps } = await mirrored(code);
      expect(
        cases.map((c) => [c.eventServiceId, c.state]),
        code,
      ).toEqual(want);
      const counts: Record<string, number> = {};
      for (const s of steps) counts[s.status] = (counts[s.status] ?? 0) + 1;
      // Something done or under way, and something for the person or the agency still to do.
      expect((counts.completed ?? 0) + (counts.in_progress ?? 0), code).toBeGreaterThan(0);
      expect((counts.action_needed ?? 0) + (counts.in_progress ?? 0), code).toBeGreaterThan(0);
    }
    const maret = await mirrored('23409254568');
    expect(statuses(maret.steps, maret.cases[0].id)).toMatchObject({
      'death-registration': 'completed',
      'death-funeral-allowance': 'action_needed',
      'death-survivor-allowance-child': 'action_needed',
    });
  });

  it('have histories in time order, nothing in the future, and the change log equal to the tables', async () => {
    const now = new Date().toISOString();
    for (const person of demoPeople) {
      const { cases, steps } = await mirrored(person.personalCode);
      for (const c of cases) expect(await loadCaseRow(db, c.id)).toEqual(c);
      for (const step of steps) {
        expect(await loadStepRow(db, step.id)).toEqual(step);
        const times = step.history.map((h) => h.at);
        expect(times).toEqual([...times].sort());
        expect(times.at(-1)! <= now).toBe(true);
        expect(step.history[0].from).toBeNull();
        for (const [i, h] of step.history.entries()) if (i > 0) expect(h.from).toBe(step.history[i - 1].to);
        expect(step.history.at(-1)!.to).toBe(step.status);
        expect(step.reason).toEqual(step.history.at(-1)!.reason);
        if (step.status === 'waiting')
          expect(steps.some((s) => s.id === step.waitingOnStepId && s.caseId === step.caseId)).toBe(true);
      }
    }
  });

  it('are seeded once: seeding again adds nothing', async () => {
    const count = async () =>
      (
        await db.query<Record<string, string>>(
          `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM steps) AS steps,
                  (SELECT count(*) FROM step_history) AS history, (SELECT count(*) FROM person_changes) AS changes,
                  (SELECT sum(change_seq) FROM person_clocks) AS seq`,
        )
      ).rows[0];
    const before = await count();
    expect(Number(before.cases)).toBeGreaterThanOrEqual(8);
    await seed(db);
    await seed(db);
    expect(await count()).toEqual(before);
  });
});

describe('the case model', () => {
  it('opens a case with a step per sub-service and completes it when every step is final', async () => {
    const id = await personId(db, SERGEI);
    const opened = await db.transaction((tx) =>
      openCase(tx, id, { eventServiceId: 'divorce', startedAt: new Date(Date.now() - 10_000) }),
    );
    const subs = Object.keys(opened.stepIds);
    expect(subs).toContain('divorce-application');
    expect(opened.case).toMatchObject({ state: 'active', subjectName: null, completedAt: null });
    let last: Awaited<ReturnType<typeof changeStep>> | undefined;
    for (const [i, sub] of subs.entries()) {
      last = await db.transaction((tx) =>
        changeStep(tx, opened.stepIds[sub], {
          status: i === 0 ? 'completed' : 'not_applicable',
          reason: text('done'),
          at: new Date(),
        }),
      );
      expect(last.caseState).toBe(i === subs.length - 1 ? 'completed' : 'active');
    }
    const { cases } = await mirrored(SERGEI);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ state: 'completed', completedAt: expect.any(String) });
  });

  it('refuses a change out of a final status, leaving the transaction to roll back', async () => {
    const { steps } = await mirrored(KADRI);
    const done = steps.find((s) => s.subServiceId === 'child-allowance')!;
    const attempt = db.transaction((tx) =>
      changeStep(tx, done.id, { status: 'in_progress', reason: text('again'), at: new Date() }),
    );
    await expect(attempt).rejects.toBeInstanceOf(ApiError);
    await expect(attempt).rejects.toMatchObject({ status: 409, code: 'step_final' });
    expect(await loadStepRow(db, done.id)).toEqual(done);
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document of the routes, whose references all resolve', async () => {
    const res = await testApp(db).request('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = JSON.parse(await res.text());
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/catalogue', '/api/agency/events', '/api/openapi.json']),
    );
    const post = doc.paths['/api/agency/events'].post;
    expect(post.security).toEqual([{ agencyKey: [] }]);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
    const event = doc.components.schemas.ServiceStatusChangedEvent;
    expect(event.required).toEqual(
      expect.arrayContaining(['id', 'type', 'occurredAt', 'personalCode', 'subServiceId', 'status', 'reason']),
    );
    expect(event.properties.status.enum).toContain('action_needed');
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });
});
