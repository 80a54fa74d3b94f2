/**
 * npm run bench:cohort [-- --people 1370000] [--only pglite|postgres]
 *
 * Seeds N synthetic people (default 100 000) with generate_series, all born in March 1961, then
 * fires one cohort event ("everyone born in March 1961 reaches pension age") through the agency
 * event handler (in slices, several at once: see src/server/offers/cohort.ts) and prints people per
 * second and the total time: on embedded PGlite always, and on
 * the PostgreSQL server of DATABASE_URL when it is set (in a schema of its own, dropped afterwards).
 * Beside it, the limit on the same database: bare INSERT … SELECT copies of exactly the rows the
 * cohort wrote (offers, notifications, the change log, the counters) into tables made LIKE them with
 * the same indexes, and the ratio. Not part of the test suite.
 */
import { randomBytes } from 'node:crypto';
import { receiveAgencyEvent } from '../src/server/agency/events';
import { agencyEventHandlers } from '../src/server/agency/handlers';
import { type Database, openDatabase } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { seed } from '../src/server/seed';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function bench(label: string, db: Database, people: number) {
  await migrate(db);
  await seed(db);
  let t = performance.now();
  // Synthetic people: personal codes outside the real range of the demo (serials from 10 000 000 000),
  // born across March 1961; two in three married, so one in three also gets the living-alone allowance.
  await db.query(
    `INSERT INTO persons (personal_code, given_name, family_name, preferred_language, facts)
     SELECT (31000000000 + i)::text, 'Isik', 'Nr ' || i, 'et',
       jsonb_build_object(
         'sex', CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END,
         'birthDate', to_char(date '1961-03-01' + (i % 31), 'YYYY-MM-DD'),
         'citizenship', 'EE',
         'residence', jsonb_build_object('country', 'EE', 'municipality', 'Tallinn', 'since', '1990-01-01'),
         'maritalStatus', CASE WHEN i % 3 = 0 THEN 'single' ELSE 'married' END,
         'children', '[]'::jsonb)
     FROM generate_series(1, $1::int) AS i`,
    [people],
  );
  await db.query('ANALYZE persons');
  const seeded = performance.now() - t;
  const key = { id: '00000000-0000-0000-0000-000000000000', agencyId: 'ska', scopes: ['pension.age_approaching'] };
  await db.query(
    `INSERT INTO agency_api_keys (id, agency_id, key_hash, label, scopes) VALUES ($1, 'ska', $2, 'bench', $3)
     ON CONFLICT DO NOTHING`,
    [key.id, randomBytes(16).toString('hex'), key.scopes],
  );
  t = performance.now();
  const response = await receiveAgencyEvent(db, agencyEventHandlers, key, {
    id: `bench-${Date.now()}`,
    type: 'pension.age_approaching',
    occurredAt: new Date().toISOString(),
    cohort: { bornFrom: '1961-03-01', bornTo: '1961-03-31' },
    pensionAge: { years: 65, months: 0 },
  });
  const took = performance.now() - t;
  const result = response.result as { people: number; offers: number };
  const { rows } = await db.query<{ changes: string; notifications: string }>(
    'SELECT (SELECT count(*) FROM person_changes) AS changes, (SELECT count(*) FROM notifications) AS notifications',
  );
  const n = (value: number | string) => Number(value).toLocaleString('en');
  const { rows: sizes } = await db.query<{ name: string; mb: string }>(
    `SELECT relname AS name, round(pg_total_relation_size(oid) / 1048576.0) AS mb FROM pg_class
     WHERE relname IN ('offers', 'notifications', 'person_changes', 'person_clocks', 'persons') AND relkind = 'r'
       AND relnamespace = current_schema()::regnamespace ORDER BY relname`,
  );
  console.log(
    `${label}: ${n(people)} people seeded in ${seconds(seeded)}; cohort event: ${n(result.people)} people, ` +
      `${n(result.offers)} offers, ${n(rows[0].notifications)} notifications, ${n(rows[0].changes)} change-log rows ` +
      `in ${seconds(took)} = ${n(Math.round(result.people / (took / 1000)))} people/s`,
  );
  // The limit: the same rows written again, bare (no rules, no joins, no triggers), with the same indexes.
  const tables = ['offers', 'notifications', 'notification_texts', 'person_changes', 'person_clocks'];
  for (const table of tables) await db.exec(`CREATE TABLE limit_${table} (LIKE ${table} INCLUDING ALL)`);
  t = performance.now();
  await db.transaction(async (tx) => {
    for (const table of tables) await tx.query(`INSERT INTO limit_${table} SELECT * FROM ${table}`);
  });
  const limit = performance.now() - t;
  for (const table of tables) await db.exec(`DROP TABLE limit_${table}`);
  console.log(
    `${label}: limit, bare INSERT … SELECT of the same rows into tables with the same indexes: ${seconds(limit)}; ` +
      `ratio ${(took / limit).toFixed(2)}× (target ≤ 1.15×)`,
  );
  console.log(`${label}: sizes with indexes: ${sizes.map((s) => `${s.name} ${n(s.mb)} MB`).join(', ')}`);
}

const people = option('people', 100_000);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== 'pglite' && only !== 'postgres') {
  throw new Error('--only must be pglite or postgres');
}

if (only !== 'postgres') {
  const pglite = await openDatabase({});
  try {
    await bench('PGlite', pglite, people);
  } finally {
    await pglite.close();
  }
}

const url = process.env.DATABASE_URL;
if (only === 'postgres' && !url) throw new Error('--only postgres needs DATABASE_URL');
if (url && only !== 'pglite') {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ databaseUrl: url });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const pg = await openDatabase({ databaseUrl: scoped.toString() });
  try {
    await bench('PostgreSQL', pg, people);
  } finally {
    await pg.close();
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}
