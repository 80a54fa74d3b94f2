/**
 * npm run bench:cohort [-- --people 1370000] [--runs 3] [--only pglite|postgres]
 *
 * Seeds N synthetic people (default 100 000) with generate_series, all born in March 1961, then
 * applies one cohort event ("everyone born in March 1961 reaches pension age") as its handler does (in
 * slices, several at once: see src/server/offers/cohort.ts) and prints people per second and the total
 * time: on embedded PGlite always, and on the PostgreSQL server of DATABASE_URL when it is set (in a
 * schema of its own, dropped afterwards). In the same run, on fresh databases of the same people, each
 * measured `runs` times (median):
 * - the cohort without recording the rules' reading of the people's data (data-uses/rule-uses.ts), and
 *   what the recording adds (target ≤ 15 %);
 * - the limit: bare INSERT … SELECT copies of exactly the rows the cohort (with the recording) wrote
 *   (offers, notifications, data uses, the change log, the counters, their shared words) into tables
 *   made LIKE them with the same indexes, and the ratio (target ≤ 1.15×).
 * Not part of the test suite.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { type Database, openDatabase } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { applyCohort, type CohortResult } from '../src/server/offers/cohort';
import { pensionCohortVars } from '../src/server/registers/events';
import { seed } from '../src/server/seed';
import { n, option, seconds } from './bench-args';

/** Migrates, seeds the demo, adds the synthetic people; returns the time the people took. */
async function prepare(db: Database, people: number): Promise<number> {
  await migrate(db);
  await seed(db);
  const t = performance.now();
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
  return performance.now() - t;
}

/** The cohort event as its handler (src/server/registers/events.ts) applies it; returns the time it took. */
async function cohort(db: Database, recordUses: boolean): Promise<{ took: number; result: CohortResult }> {
  const now = new Date();
  const t = performance.now();
  const result = await applyCohort(
    db,
    'pension.age_approaching',
    {
      eventId: `bench-${Date.now()}`,
      bornFrom: '1961-03-01',
      bornTo: '1961-03-31',
      date: now.toISOString().slice(0, 10),
      now,
      vars: pensionCohortVars({ pensionAge: { years: 65, months: 0 } }),
    },
    { recordUses },
  );
  return { took: performance.now() - t, result };
}

/** The limit: the rows the cohort wrote, written again bare (no rules, no joins, no triggers), with the same indexes. */
async function limit(db: Database): Promise<number> {
  const tables = [
    'offers',
    'notifications',
    'notification_texts',
    'data_uses',
    'data_use_texts',
    'person_changes',
    'person_clocks',
  ];
  for (const table of tables) await db.exec(`CREATE TABLE limit_${table} (LIKE ${table} INCLUDING ALL)`);
  const t = performance.now();
  await db.transaction(async (tx) => {
    for (const table of tables) await tx.query(`INSERT INTO limit_${table} SELECT * FROM ${table}`);
  });
  const took = performance.now() - t;
  for (const table of tables) await db.exec(`DROP TABLE limit_${table}`);
  return took;
}

/** Runs `run` on a fresh database from `open` (closed afterwards). */
type Fresh = <T>(run: (db: Database) => Promise<T>) => Promise<T>;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * `runs` pairs, each a fresh database with the recording and one without, their order alternating so
 * that neither always runs on the warmer machine; the medians are compared. The counts, sizes and the
 * limit are of the last run with the recording.
 */
async function bench(label: string, fresh: Fresh, people: number, runs: number) {
  const withUses: number[] = [];
  const without: number[] = [];
  let last: { took: number; seeded: number; result: CohortResult; counts: Record<string, string>; limit: number };
  let sizes: { name: string; mb: string }[] = [];
  for (let run = 0; run < runs; run++) {
    for (const recordUses of run % 2 === 0 ? [false, true] : [true, false]) {
      await fresh(async (db) => {
        const seeded = await prepare(db, people);
        const { took, result } = await cohort(db, recordUses);
        (recordUses ? withUses : without).push(took);
        if (!recordUses || withUses.length < runs) return;
        const { rows } = await db.query<Record<string, string>>(
          `SELECT (SELECT count(*) FROM person_changes) AS changes, (SELECT count(*) FROM notifications) AS notifications,
             (SELECT count(*) FROM data_uses) AS uses`,
        );
        sizes = (
          await db.query<{ name: string; mb: string }>(
            `SELECT relname AS name, round(pg_total_relation_size(oid) / 1048576.0) AS mb FROM pg_class
             WHERE relname IN ('offers', 'notifications', 'data_uses', 'person_changes', 'person_clocks', 'persons')
               AND relkind = 'r' AND relnamespace = current_schema()::regnamespace ORDER BY relname`,
          )
        ).rows;
        last = { took, seeded, result, counts: rows[0], limit: await limit(db) };
      });
    }
  }
  const { took, seeded, result, counts, limit: bareLimit } = last!;
  const withMedian = median(withUses);
  const withoutMedian = median(without);
  console.log(
    `${label}: ${n(people)} people seeded in ${seconds(seeded)}; cohort event: ${n(result.people)} people, ` +
      `${n(result.offers)} offers, ${n(counts.notifications)} notifications, ${n(counts.uses)} data uses, ` +
      `${n(counts.changes)} change-log rows in ${seconds(withMedian)} (median of ${withUses.map(seconds).join(', ')}) ` +
      `= ${n(Math.round(result.people / (withMedian / 1000)))} people/s`,
  );
  console.log(
    `${label}: without recording the data uses (fresh databases of the same people): ${seconds(withoutMedian)} ` +
      `(median of ${without.map(seconds).join(', ')}); the recording adds ` +
      `${(((withMedian - withoutMedian) / withoutMedian) * 100).toFixed(0)} % (target ≤ 15 %)`,
  );
  console.log(
    `${label}: limit, bare INSERT … SELECT of the last run's rows into tables with the same indexes: ` +
      `${seconds(bareLimit)}; ratio ${(took / bareLimit).toFixed(2)}× that run's ${seconds(took)} (target ≤ 1.15×)`,
  );
  console.log(`${label}: sizes with indexes: ${sizes.map((s) => `${s.name} ${n(s.mb)} MB`).join(', ')}`);
}

const people = option('people', 100_000);
const runs = option('runs', 3);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== 'pglite' && only !== 'postgres') {
  throw new Error('--only must be pglite or postgres');
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} cores`,
);

if (only !== 'postgres') {
  await bench(
    'PGlite',
    async (run) => {
      const db = await openDatabase({});
      try {
        return await run(db);
      } finally {
        await db.close();
      }
    },
    people,
    runs,
  );
}

const url = process.env.DATABASE_URL;
if (only === 'postgres' && !url) throw new Error('--only postgres needs DATABASE_URL');
if (url && only !== 'pglite') {
  const admin = await openDatabase({ databaseUrl: url });
  try {
    await bench(
      'PostgreSQL',
      async (run) => {
        const schema = `bench_${randomBytes(4).toString('hex')}`;
        await admin.exec(`CREATE SCHEMA ${schema}`);
        const scoped = new URL(url);
        scoped.searchParams.set('options', `-c search_path=${schema}`);
        const db = await openDatabase({ databaseUrl: scoped.toString() });
        try {
          return await run(db);
        } finally {
          await db.close();
          await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        }
      },
      people,
      runs,
    );
  } finally {
    await admin.close();
  }
}
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} after`,
);
