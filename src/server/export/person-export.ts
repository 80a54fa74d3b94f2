import { EXPORT_COLUMNS, EXPORT_FORMAT, EXPORT_TABLES, type ExportTable } from '../../contract/export';
import type { Lang } from '../../contract/langs';
import type { Queryable } from '../db/database';
import { notificationText } from '../notifications/store';
import { text } from '../rules/texts';
import { ZipWriter } from './zip';

/**
 * Where each table of the export comes from: the database table, the rows of person `$1` as `x`
 * (columns named as in EXPORT_COLUMNS), and a unique key to page by. Every table that holds rows about
 * a person is here or in NOT_EXPORTED (tests/server/export.test.ts reads the catalogue to check).
 */
export const EXPORT_SOURCES: Record<ExportTable, { table: string; from: string; key: string }> = {
  profile: { table: 'persons', from: 'persons x WHERE x.id = $1', key: 'x.id' },
  settings: { table: 'person_settings', from: 'person_settings x WHERE x.person_id = $1', key: 'x.person_id' },
  cases: { table: 'cases', from: 'cases x WHERE x.person_id = $1', key: 'x.id' },
  steps: { table: 'steps', from: 'steps x WHERE x.person_id = $1', key: 'x.id' },
  step_history: {
    table: 'step_history',
    from: 'step_history x JOIN steps s ON s.id = x.step_id WHERE s.person_id = $1',
    key: 'x.id',
  },
  offers: { table: 'offers', from: 'offers x WHERE x.person_id = $1', key: 'x.id' },
  notifications: {
    table: 'notifications',
    from: `(SELECT n.id, n.topic, ${notificationText('n', 'title')} AS title, ${notificationText('n', 'body')} AS body,
              n.link, n.urgent, n.created_at, n.read_at FROM notifications n WHERE n.person_id = $1) x WHERE true`,
    key: 'x.id',
  },
  feedback_requests: { table: 'feedback_requests', from: 'feedback_requests x WHERE x.person_id = $1', key: 'x.id' },
  feedback_answers: {
    table: 'feedback_answers',
    from: 'feedback_answers x JOIN feedback_requests r ON r.id = x.request_id WHERE r.person_id = $1',
    key: 'x.id',
  },
  feedback_opt_outs: {
    table: 'feedback_opt_outs',
    from: 'feedback_opt_outs x WHERE x.person_id = $1',
    key: 'x.sub_service_id',
  },
  data_uses: { table: 'data_uses', from: 'data_use_entries x WHERE x.person_id = $1', key: 'x.id' },
  data_use_questions: {
    table: 'data_use_questions',
    from: 'data_use_questions x WHERE x.person_id = $1',
    key: 'x.id',
  },
  // Both ends: whom the person may act for, and who may act for them.
  mandates: { table: 'mandates', from: 'mandates x WHERE x.actor_id = $1 OR x.subject_id = $1', key: 'x.id' },
  push_subscriptions: {
    table: 'push_subscriptions',
    from: 'push_subscriptions x WHERE x.person_id = $1',
    key: 'x.id',
  },
  push_deliveries: {
    table: 'push_deliveries',
    from: 'push_deliveries x JOIN push_subscriptions s ON s.id = x.subscription_id WHERE s.person_id = $1',
    key: 'x.id',
  },
  sessions: { table: 'sessions', from: 'sessions x WHERE x.person_id = $1', key: 'x.id_hash' },
  applied_mutations: { table: 'applied_mutations', from: 'applied_mutations x WHERE x.person_id = $1', key: 'x.id' },
};

/** Tables keyed by person that the export leaves out, and why. */
export const NOT_EXPORTED: Record<string, string> = {
  person_changes: 'a copy of the rows above as last sent to the devices',
  person_clocks: 'the counter of the sync cursor',
};

/** Rows fetched at once: the export's memory is a page, whatever the size of the history. */
export const EXPORT_PAGE = 500;

/** The person's rows of one table, a page at a time, each as an object of the table's columns. */
async function* rowsOf(db: Queryable, personId: string, table: ExportTable): AsyncGenerator<Record<string, unknown>[]> {
  const { from, key } = EXPORT_SOURCES[table];
  const columns = EXPORT_COLUMNS[table].map((c) => `'${c}', x.${c}`).join(', ');
  let after = '';
  for (;;) {
    const { rows } = await db.query<{ k: string; row: Record<string, unknown> }>(
      `SELECT ${key}::text AS k, jsonb_build_object(${columns}) AS row FROM ${from}
       AND ${key}::text > $2 ORDER BY ${key}::text LIMIT ${EXPORT_PAGE}`,
      [personId, after],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => r.row);
    if (rows.length < EXPORT_PAGE) return;
    after = rows[rows.length - 1].k;
  }
}

async function* jsonDocument(db: Queryable, personId: string, language: Lang, at: Date): AsyncGenerator<string> {
  yield `{"format":${JSON.stringify(EXPORT_FORMAT)},"exportedAt":${JSON.stringify(at.toISOString())},"language":${JSON.stringify(language)},"tables":{`;
  for (const [i, table] of EXPORT_TABLES.entries()) {
    yield `${i ? ',' : ''}${JSON.stringify(table)}:[`;
    let first = true;
    for await (const page of rowsOf(db, personId, table)) {
      yield (first ? '' : ',') + page.map((row) => JSON.stringify(row)).join(',');
      first = false;
    }
    yield ']';
  }
  yield '}}';
}

/**
 * A CSV field: quoted where needed; objects as JSON; a text that a spreadsheet would take for a
 * formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

async function* csv(db: Queryable, personId: string, table: ExportTable): AsyncGenerator<string> {
  const columns = EXPORT_COLUMNS[table];
  yield `${columns.join(',')}\r\n`;
  for await (const page of rowsOf(db, personId, table)) {
    yield page.map((row) => `${columns.map((c) => csvField(row[c])).join(',')}\r\n`).join('');
  }
}

async function* readme(language: Lang, at: Date): AsyncGenerator<string> {
  const words = (key: string) => text(`export.${key}`)[language];
  yield `${words('title')}\r\n\r\n${words('made')} ${at.toISOString()}\r\n\r\n${words('files')}\r\n`;
}

/** The export as a zip, a pull stream of bytes: nothing is read before it is asked for. */
export async function* personExport(db: Queryable, personId: string, language: Lang): AsyncGenerator<Uint8Array> {
  const at = new Date();
  const zip = new ZipWriter(at);
  yield* zip.entry('README.txt', readme(language, at));
  yield* zip.entry('export.json', jsonDocument(db, personId, language, at));
  for (const table of EXPORT_TABLES) yield* zip.entry(`${table}.csv`, csv(db, personId, table));
  yield* zip.finish();
}
