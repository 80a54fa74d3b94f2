import { randomBytes } from 'node:crypto';
import { openDatabase, type Queryable } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { applyCohort } from '../src/server/offers/cohort';
import { pensionCohortVars } from '../src/server/registers/events';
import { seed } from '../src/server/seed';
const url = process.env.DATABASE_URL!;
const people = Number(process.argv[2] ?? 50000);
const record = process.argv[3] !== 'bare';
const schema = `probe_${randomBytes(4).toString('hex')}`;
const admin = await openDatabase({ databaseUrl: url });
await admin.exec(`CREATE SCHEMA ${schema}`);
const scoped = new URL(url);
scoped.searchParams.set('options', `-c search_path=${schema}`);
const db = await openDatabase({ databaseUrl: scoped.toString(), statementTimeoutMs: 600_000 });
const wrap = (tx: Queryable): Queryable => ({
  query: async (text: string, params?: unknown[]) => {
    const t = performance.now();
    const r = await tx.query(text, params);
    const ms = performance.now() - t;
    if (ms > 300) console.log(`${ms.toFixed(0)} ms: ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
    return r;
  },
  exec: (s: string) => tx.exec(s),
} as Queryable);
const orig = db.transaction.bind(db);
db.transaction = ((fn: (tx: Queryable) => Promise<unknown>) => orig((tx) => fn(wrap(tx)))) as typeof db.transaction;
try {
  await migrate(db);
  await seed(db);
  await db.query(
    `INSERT INTO persons (personal_code, given_name, family_name, preferred_language, facts)
     SELECT (31000000000 + i)::text, 'Isik', 'Nr ' || i, 'et',
       jsonb_build_object('sex', CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END,
         'birthDate', to_char(date '1961-03-01' + (i % 31), 'YYYY-MM-DD'), 'citizenship', 'EE',
         'residence', jsonb_build_object('country', 'EE', 'municipality', 'Tallinn', 'since', '1990-01-01'),
         'maritalStatus', CASE WHEN i % 3 = 0 THEN 'single' ELSE 'married' END, 'children', '[]'::jsonb)
     FROM generate_series(1, $1::int) AS i`,
    [people],
  );
  await db.query('ANALYZE persons');
  const now = new Date();
  const t = performance.now();
  const r = await applyCohort(db, 'pension.age_approaching', {
    eventId: 'probe', bornFrom: '1961-03-01', bornTo: '1961-03-31', date: now.toISOString().slice(0, 10), now,
    vars: pensionCohortVars({ pensionAge: { years: 65, months: 0 } }),
  }, { recordUses: record });
  console.log('total', ((performance.now() - t) / 1000).toFixed(1), 's', r);
} finally {
  await db.close();
  await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
  await admin.close();
}
