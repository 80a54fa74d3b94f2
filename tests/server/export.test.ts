import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, EXPORT_TABLES, ExportDocument } from '../../src/contract/export';
import type { Database, Queryable } from '../../src/server/db/database';
import { EXPORT_PAGE, EXPORT_SOURCES, NOT_EXPORTED } from '../../src/server/export/person-export';
import { crc32 } from '../../src/server/export/zip';
import { EXPORTS_PER_HOUR, meRoutes } from '../../src/server/routes/me';
import { openTestDatabase } from './db';
import { asPerson, personId } from './person-harness';

const KADRI = '24304142717';
let db: Database;
let app: ReturnType<typeof asPerson>;
let busy: { code: string; id: string };

beforeAll(async () => {
  db = await openTestDatabase();
  app = asPerson(db, (r) => r.route('/api/me', meRoutes(db)));
  busy = await makeBusyPerson();
});
afterAll(() => db.close());

/** A person with ten years of a busy life: a notification every other day, a data use a week, and more. */
async function makeBusyPerson() {
  const code = '38001010008';
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO persons (personal_code, given_name, family_name, facts) VALUES ($1, 'Busy', 'Person', '{}') RETURNING id`,
    [code],
  );
  const id = rows[0].id;
  await db.query(
    `INSERT INTO notifications (person_id, topic, title, body, created_at)
     SELECT $1, 'general', jsonb_build_object('et', 'T' || g, 'en', 'T' || g, 'ru', 'T' || g, 'uk', 'T' || g),
       jsonb_build_object('et', repeat('x', 300), 'en', 'b', 'ru', 'b', 'uk', 'b'), now() - g * interval '2 days'
     FROM generate_series(1, 1825) g`,
    [id],
  );
  await db.query(
    `INSERT INTO data_uses (person_id, source, agency_id, agency_event_id, register, register_name, categories,
       purpose_code, purpose, legal_basis, used_at)
     SELECT $1, 'agency', 'ska', 'e' || g, 'population', '{"et":"r","en":"r","ru":"r","uk":"r"}', '[]',
       'family_benefit', '{"et":"p","en":"p","ru":"p","uk":"p"}', '{"et":"l","en":"l","ru":"l","uk":"l"}',
       now() - g * interval '1 week'
     FROM generate_series(1, 520) g`,
    [id],
  );
  return { code, id };
}

async function download(code: string) {
  return app.request('/api/me/export', { headers: { 'x-test-person': code } });
}

/** The entries of a stored zip, each checked against its CRC-32 and the central directory. */
function unzip(zip: Uint8Array): Map<string, string> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const offset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const dataStart = offset + 30 + view.getUint16(offset + 26, true);
    const data = zip.subarray(dataStart, dataStart + size);
    expect(crc32(data)).toBe(crc);
    files.set(name, new TextDecoder().decode(data));
    at += 46 + nameLength;
  }
  return files;
}

async function count(q: Queryable, table: string, where: string, id: string) {
  const { rows } = await q.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, [id]);
  return Number(rows[0].n);
}

describe('GET /api/me/export', () => {
  it('is a zip of export.json (checked against its schema), a CSV per table and a README in the person’s language', async () => {
    const res = await download(KADRI);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const zip = new Uint8Array(await res.arrayBuffer());
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    writeFileSync(join(dir, 'export.zip'), zip);
    // An independent reader agrees: every entry's CRC is right.
    expect(execFileSync('unzip', ['-t', join(dir, 'export.zip')]).toString()).toContain('No errors detected');

    const files = unzip(zip);
    expect([...files.keys()]).toEqual(['README.txt', 'export.json', ...EXPORT_TABLES.map((t) => `${t}.csv`)]);
    expect(files.get('README.txt')).toContain('Minu riik: sinu andmed');
    const doc = ExportDocument.parse(JSON.parse(files.get('export.json')!));
    const id = await personId(db, KADRI);
    expect(doc.tables.profile).toHaveLength(1);
    expect(doc.tables.profile[0].personal_code).toBe(KADRI);
    for (const [table, where] of [
      ['cases', 'person_id = $1'],
      ['steps', 'person_id = $1'],
      ['offers', 'person_id = $1'],
      ['notifications', 'person_id = $1'],
      ['feedback_requests', 'person_id = $1'],
      ['mandates', 'actor_id = $1 OR subject_id = $1'],
    ] as const) {
      const n = await count(db, table, where, id);
      expect(n, table).toBeGreaterThan(0);
      expect(doc.tables[table], table).toHaveLength(n);
    }
    expect(doc.tables.step_history.length).toBe(
      await count(db, 'step_history h JOIN steps s ON s.id = h.step_id', 's.person_id = $1', id),
    );
    // Each CSV has the header and one line per row (no field of the demo data holds a line break).
    for (const table of EXPORT_TABLES) {
      const lines = files.get(`${table}.csv`)!.split('\r\n').filter(Boolean);
      expect(lines[0]).toBe(EXPORT_COLUMNS[table].join(','));
      expect(lines.length - 1, table).toBe(doc.tables[table].length);
    }
  });

  it('holds nobody else’s rows, and no session or device key', async () => {
    const files = unzip(new Uint8Array(await (await download(KADRI)).arrayBuffer()));
    const text = [...files.values()].join('\n');
    const { rows: others } = await db.query<{ id: string }>(
      `SELECT o.id::text FROM offers o JOIN persons p ON p.id = o.person_id WHERE p.personal_code <> $1
       UNION ALL SELECT n.id::text FROM notifications n JOIN persons p ON p.id = n.person_id WHERE p.personal_code <> $1`,
      [KADRI],
    );
    expect(others.length).toBeGreaterThan(0);
    for (const o of others) expect(text).not.toContain(o.id);
    expect(text).not.toMatch(/id_hash|refresh_token|p256dh|"auth"/);
  });

  it('lists every table that holds rows about a person, by the database catalogue', async () => {
    // Tables with a foreign key to persons, or to such a table, however many steps away.
    const { rows } = await db.query<{ name: string }>(
      `WITH RECURSIVE keyed(oid) AS (
         SELECT 'persons'::regclass::oid
         UNION
         SELECT c.conrelid FROM pg_constraint c JOIN keyed k ON c.confrelid = k.oid WHERE c.contype = 'f'
       )
       SELECT relname AS name FROM pg_class WHERE oid IN (SELECT oid FROM keyed) ORDER BY 1`,
    );
    const found = rows.map((r) => r.name);
    expect(found).toContain('data_uses');
    const covered = [...Object.values(EXPORT_SOURCES).map((s) => s.table), ...Object.keys(NOT_EXPORTED)];
    expect(found.filter((t) => !covered.includes(t))).toEqual([]);
    expect(covered.filter((t) => !found.includes(t))).toEqual([]);
    // And every column the export names exists (a renamed column would otherwise export as null).
    for (const table of EXPORT_TABLES) {
      const source = EXPORT_SOURCES[table];
      if (source.from.startsWith('(')) continue;
      const { rows: columns } = await db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
        [source.table],
      );
      const names = columns.map((c) => c.column_name);
      expect(
        EXPORT_COLUMNS[table].filter((c) => !names.includes(c)),
        table,
      ).toEqual([]);
    }
  });

  it('streams ten busy years a page at a time, never the whole history at once', async () => {
    const largest = { rows: 0 };
    const query = db.query.bind(db);
    db.query = (async (text: string, params?: unknown[]) => {
      const result = await query(text, params);
      largest.rows = Math.max(largest.rows, result.rows.length);
      return result;
    }) as typeof db.query;
    let chunks = 0;
    let biggest = 0;
    let total = 0;
    try {
      const res = await download(busy.code);
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks += 1;
        biggest = Math.max(biggest, value.length);
        total += value.length;
      }
    } finally {
      db.query = query;
    }
    expect(largest.rows).toBeLessThanOrEqual(EXPORT_PAGE);
    expect(total).toBeGreaterThan(1_500_000);
    expect(chunks).toBeGreaterThan(20);
    // A chunk is at most a page of rows, whatever the history's length.
    expect(biggest).toBeLessThan(total / 5);
  });

  it(`allows ${EXPORTS_PER_HOUR} exports an hour, then 429 with Retry-After`, async () => {
    const code = '49001010002';
    await db.query(`INSERT INTO persons (personal_code, given_name, family_name, facts) VALUES ($1, 'R', 'L', '{}')`, [
      code,
    ]);
    for (let i = 0; i < EXPORTS_PER_HOUR; i++) {
      const res = await download(code);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const refused = await download(code);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});
