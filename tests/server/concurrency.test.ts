import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';
import { createNotification } from '../../src/server/notifications/store';
import { mutationRoutes } from '../../src/server/routes/sync';
import { mutationHandlers } from '../../src/server/sync/handlers';
import { openTestDatabase } from './db';
import { asPerson, personId, sendMutations } from './person-harness';

/**
 * One person's batches at the same time, on PostgreSQL (PGlite has one connection, so nothing runs
 * at once there): each batch has every mutation type, on the same offers, notifications and feedback
 * requests. Before the person's row was locked first in NO KEY UPDATE mode, eight `offer.accept`s
 * deadlocked on the persons row and seven got `{"results":[]}`.
 */

const KADRI = '24304142717';
const MARTIN = '14102275188';
const BATCHES = 8;
const text = (s: string) => ({ et: s, en: s, ru: s, uk: s });

describe.skipIf(!process.env.DATABASE_URL)('concurrent batches of one person (PostgreSQL)', () => {
  let db: Database;
  let app: ReturnType<typeof asPerson>;
  let id: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    app = asPerson(db, (r) => r.route('/api/mutations', mutationRoutes(db, mutationHandlers, createLogger('silent'))));
    id = await personId(db, KADRI);
  });
  afterAll(() => db?.close());

  it(`answers every mutation of ${BATCHES} simultaneous batches of every type: applied or rejected with a code`, async () => {
    const offers = (
      await db.query<{ id: string }>(`SELECT id FROM offers WHERE person_id = $1 AND status = 'pending'`, [id])
    ).rows.map((r) => r.id);
    const requests = (
      await db.query<{ id: string }>(`SELECT id FROM feedback_requests WHERE person_id = $1 AND status = 'pending'`, [
        id,
      ])
    ).rows.map((r) => r.id);
    const notifications: string[] = [];
    for (let i = 0; i < 4; i++) {
      notifications.push(
        (
          await db.transaction((tx) =>
            createNotification(tx, id, { topic: 'general', title: text(`n${i}`), body: text('b') }),
          )
        ).id,
      );
    }
    expect(offers.length).toBeGreaterThan(0);
    const dataUses = (await db.query<{ id: string }>('SELECT id FROM data_uses WHERE person_id = $1', [id])).rows.map(
      (r) => r.id,
    );
    expect(dataUses.length).toBeGreaterThan(0);
    // An authorisation she gave Martin, which every batch revokes (once it is, again is no change).
    const revoked = randomUUID();
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const grant = (mandateId: string) => ({
      type: 'mandate.grant',
      payload: { mandateId, personalCode: MARTIN, scope: 'act', services: null, validUntil: until },
    });
    const res = await app.request('/api/mutations', {
      method: 'POST',
      headers: { 'x-test-person': KADRI, 'content-type': 'application/json' },
      body: JSON.stringify({
        mutations: [{ ...grant(revoked), id: randomUUID(), createdAt: new Date().toISOString() }],
      }),
    });
    expect((await res.json()).results[0].status).toBe('applied');

    const batch = (n: number) =>
      [
        ...offers.map((offerId) =>
          n % 2
            ? { type: 'offer.decline', payload: { offerId, reason: `batch ${n}` } }
            : { type: 'offer.accept', payload: { offerId } },
        ),
        ...notifications.map((notificationId) => ({ type: 'notification.read', payload: { notificationId } })),
        ...requests.map((requestId) =>
          n % 2
            ? { type: 'feedback.dismiss', payload: { requestId, optOut: false } }
            : { type: 'feedback.answer', payload: { requestId, score: 8, comment: `batch ${n}` } },
        ),
        // Her offers are not duties (refused not_duty); taking back a decline is tried on an unknown offer, so
        // that each offer's one decision below stays checkable.
        ...offers.map((offerId) => ({ type: 'duty.confirm', payload: { offerId } })),
        { type: 'offer.undo_decline', payload: { offerId: randomUUID() } },
        { type: 'settings.update', payload: { language: n % 2 ? 'en' : 'et' } },
        { type: 'settings.update', payload: { push: { feedback: n % 2 === 0 } } },
        grant(randomUUID()),
        { type: 'mandate.revoke', payload: { mandateId: revoked } },
        { type: 'mandate.decline', payload: { mandateId: randomUUID() } },
        ...dataUses.map((dataUseId) => ({
          type: 'data_use.ask',
          payload: { questionId: randomUUID(), dataUseId, text: `batch ${n}`, language: 'et' },
        })),
      ].map((m) => ({ ...m, id: randomUUID(), createdAt: new Date().toISOString() }));
    const batches = Array.from({ length: BATCHES }, (_, n) => batch(n));
    const types = new Set(batches.flat().map((m) => m.type));
    expect([...types].sort()).toEqual(Object.keys(mutationHandlers).sort());

    const deadlocksBefore = await deadlocks(db);
    const started = performance.now();
    const answers = await Promise.all(batches.map((mutations) => sendMutations(app, KADRI, mutations)));
    const ms = performance.now() - started;

    const tally = new Map<string, number>();
    for (const [n, answer] of answers.entries()) {
      expect(answer.status).toBe(200);
      expect(answer.body.results.map((r) => r.id)).toEqual(batches[n].map((m) => m.id));
      for (const result of answer.body.results) {
        const key = result.status === 'rejected' ? `rejected ${result.code}` : result.status;
        tally.set(key, (tally.get(key) ?? 0) + 1);
        expect(['applied', 'rejected']).toContain(result.status);
        if (result.status === 'rejected') expect(result.code).toMatch(/^[a-z_]+$/);
        // A deadlock or database error would be `busy` or `server_error`: none may happen.
        expect(['busy', 'server_error']).not.toContain(result.code);
      }
    }
    // Each offer decided once: accepted (accepting again changes nothing) or declined by one batch.
    for (const offerId of offers) {
      const applied = answers
        .flatMap((a, n) => a.body.results.map((r, i) => ({ r, m: batches[n][i] })))
        .filter(({ r, m }) => r.status === 'applied' && (m.payload as { offerId?: string }).offerId === offerId)
        .map(({ m }) => m.type);
      const { rows } = await db.query<{ status: string }>('SELECT status FROM offers WHERE id = $1', [offerId]);
      if (rows[0].status === 'accepted') expect(new Set(applied)).toEqual(new Set(['offer.accept']));
      else expect([rows[0].status, applied]).toEqual(['declined', ['offer.decline']]);
    }
    const sent = batches.flat().length;
    console.info(
      `${BATCHES} batches, ${sent} mutations in ${ms.toFixed(0)} ms: ${[...tally].map(([k, v]) => `${v} ${k}`).join(', ')}; ` +
        `deadlocks reported by PostgreSQL: ${(await deadlocks(db)) - deadlocksBefore}`,
    );
  });
});

async function deadlocks(db: Database): Promise<number> {
  await db.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await db.query<{ deadlocks: string }>(
    'SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0].deadlocks);
}
