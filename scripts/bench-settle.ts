/**
 * npm run bench:settle [-- --people 100000] [--only pglite|postgres]
 *
 * A cohort of N synthetic single people born in May 1961 (default 100 000) gets its pension-age offers
 * (an automatic living-alone allowance and a consent old-age pension each), their deadlines pass, and one
 * settling run (src/server/offers/settle.ts) grants the automatic ones, opening each person's retirement
 * case, and lets the consent ones lapse. Prints offers per second and what was written: on embedded
 * PGlite always, and on the PostgreSQL server of DATABASE_URL when it is set (in a schema of its own,
 * dropped afterwards). Not part of the test suite.
 */
import { randomBytes } from 'node:crypto';
import { receiveAgencyEvent } from '../src/server/agency/events';
import { agencyEventHandlers } from '../src/server/agency/handlers';
import { type Database, openDatabase } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { settleDueOffers } from '../src/server/offers/settle';
import { seed } from '../src/server/seed';
import { n, option, seconds } from './bench-args';

async function bench(label: string, db: Database, people: number) {
  await migrate(db);
  await seed(db);
  // Personal codes outside the real range (serials from 32 000 000 000), as in bench:cohort.
  await db.query(
    `INSERT INTO persons (personal_code, given_name, family_name, preferred_language, facts)
     SELECT (32000000000 + i)::text, 'Isik', 'Nr ' || i, 'et',
       jsonb_build_object('sex', CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END,
         'birthDate', to_char(date '1961-05-01' + (i % 31), 'YYYY-MM-DD'), 'citizenship', 'EE',
         'residence', jsonb_build_object('country', 'EE', 'municipality', 'Tallinn', 'since', '1990-01-01'),
         'maritalStatus', 'single', 'children', '[]'::jsonb)
     FROM generate_series(1, $1::int) AS i`,
    [people],
  );
  await db.query('ANALYZE persons');
  const key = { id: '00000000-0000-0000-0000-000000000000', agencyId: 'ska', scopes: ['pension.age_approaching'] };
  await db.query(
    `INSERT INTO agency_api_keys (id, agency_id, key_hash, label, scopes) VALUES ($1, 'ska', $2, 'bench', $3)
     ON CONFLICT DO NOTHING`,
    [key.id, randomBytes(16).toString('hex'), key.scopes],
  );
  await receiveAgencyEvent(db, agencyEventHandlers, key, {
    id: `bench-${Date.now()}`,
    type: 'pension.age_approaching',
    occurredAt: new Date().toISOString(),
    cohort: { bornFrom: '1961-05-01', bornTo: '1961-05-31' },
    pensionAge: { years: 65, months: 0 },
  });
  await db.query(`UPDATE offers SET deadline = current_date - 1 WHERE kind <> 'duty' AND status = 'pending'`);
  await db.query('ANALYZE');
  const count = async () =>
    (
      await db.query<{ cases: string; steps: string; changes: string; notifications: string }>(
        `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM steps) AS steps,
           (SELECT count(*) FROM person_changes) AS changes, (SELECT count(*) FROM notifications) AS notifications`,
      )
    ).rows[0];
  const before = await count();
  const t = performance.now();
  const settled = await settleDueOffers(db);
  const took = performance.now() - t;
  const after = await count();
  const { rows } = await db.query<{ status: string; n: string }>(
    `SELECT status, count(*) AS n FROM offers WHERE kind <> 'duty' GROUP BY status ORDER BY status`,
  );
  const diff = (k: keyof typeof before) => n(Number(after[k]) - Number(before[k]));
  console.log(
    `${label}: ${n(settled)} offers settled in one run in ${seconds(took)} = ${n(Math.round(settled / (took / 1000)))} offers/s ` +
      `(${rows.map((r) => `${n(r.n)} ${r.status}`).join(', ')}); written: ${diff('cases')} cases, ${diff('steps')} steps, ` +
      `${diff('notifications')} notifications, ${diff('changes')} change-log rows`,
  );
}

const people = option('people', 100_000);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== 'pglite' && only !== 'postgres')
  throw new Error('--only must be pglite or postgres');

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
