import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/log';
import { mutationRoutes } from '../../src/server/routes/sync';
import { mutationHandlers } from '../../src/server/sync/handlers';
import type { MutationHandlers } from '../../src/server/sync/mutations';
import { openTestDatabase } from './db';
import { asPerson, sendMutations } from './person-harness';

/**
 * One mutation's failure, a database error too, is that mutation's rejection: the batch goes on, and
 * the answer has one result per mutation sent. Nothing the failing mutation wrote stays.
 */

const KADRI = '24304142717';
const sqlError = (code: string) => Object.assign(new Error(`sql ${code}`), { code });

let db: Database;
let app: ReturnType<typeof asPerson>;
let flaky = 0;

type Behaviour = 'ok' | 'db_error' | 'bug' | 'deadlock_twice' | 'deadlock_always' | 'connection_lost';
/** What `notification.read` of each notification id does here (the real handlers stand for the rest). */
const behaviours = new Map<string, Behaviour>();

const handlers: MutationHandlers = {
  ...mutationHandlers,
  async 'notification.read'(tx, person, { notificationId }) {
    switch (behaviours.get(notificationId)) {
      case 'db_error':
        // A real database error (division by zero, 22012) after a write that must roll back.
        await tx.query(`UPDATE persons SET given_name = 'Broken' WHERE id = $1`, [person.id]);
        await tx.query('SELECT 1 / 0');
        return;
      case 'bug':
        throw new TypeError('undefined is not a function');
      case 'deadlock_twice':
        if (flaky++ < 2) throw sqlError('40P01');
        return;
      case 'deadlock_always':
        throw sqlError('40P01');
      case 'connection_lost':
        throw sqlError('08006');
    }
  },
};

beforeAll(async () => {
  db = await openTestDatabase();
  app = asPerson(db, (r) => r.route('/api/mutations', mutationRoutes(db, handlers, createLogger('silent'))));
});
afterAll(() => db.close());

const mutation = (behaviour: Behaviour) => {
  const notificationId = randomUUID();
  behaviours.set(notificationId, behaviour);
  return {
    id: randomUUID(),
    type: 'notification.read',
    payload: { notificationId },
    createdAt: new Date().toISOString(),
  };
};

describe('POST /api/mutations: each mutation on its own', () => {
  it('answers every mutation of a batch in which some fail, with a code for each failure', async () => {
    const batch = (['ok', 'db_error', 'ok', 'bug', 'deadlock_always', 'ok'] as const).map(mutation);
    const { status, body } = await sendMutations(app, KADRI, batch);
    expect(status).toBe(200);
    expect(body.results.map((r) => [r.id, r.status, r.code])).toEqual([
      [batch[0].id, 'applied', undefined],
      [batch[1].id, 'rejected', 'server_error'],
      [batch[2].id, 'applied', undefined],
      [batch[3].id, 'rejected', 'server_error'],
      [batch[4].id, 'rejected', 'busy'],
      [batch[5].id, 'applied', undefined],
    ]);
    const { rows } = await db.query<{ given_name: string }>('SELECT given_name FROM persons WHERE personal_code = $1', [
      KADRI,
    ]);
    expect(rows[0].given_name).not.toBe('Broken');
    const claimed = await db.query<{ id: string }>('SELECT id FROM applied_mutations WHERE id = ANY($1::uuid[])', [
      batch.map((m) => m.id),
    ]);
    expect(claimed.rows.map((r) => r.id).sort()).toEqual([batch[0].id, batch[2].id, batch[5].id].sort());
  });

  it('tries a deadlocked mutation again and applies it once', async () => {
    flaky = 0;
    const m = mutation('deadlock_twice');
    expect((await sendMutations(app, KADRI, [m])).body.results).toEqual([{ id: m.id, status: 'applied' }]);
    expect(flaky).toBe(3);
  });

  it('answers 503 for the whole batch when the database is unreachable (nothing was decided)', async () => {
    const { status, body } = await sendMutations(app, KADRI, [mutation('ok'), mutation('connection_lost')]);
    expect(status).toBe(503);
    expect(body).toMatchObject({ error: { code: 'unavailable' } });
  });
});
