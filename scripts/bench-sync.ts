/**
 * npm run bench:sync [-- --rows 5000 --delta 100]: in headless Chromium, how long the app takes to pull
 * and apply a first full sync of N rows and then a small delta, with the server's time to build each,
 * beside the limit measured in the same run and page: a plain Dexie bulkPut of the same rows in pages
 * of 500, one transaction each. Needs a build (npm run build). Figures only: not a test.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pullChanges } from '../src/server/sync/pull';
import { startAppServer } from '../tests/e2e/app-server';
import { launchBrowser, PHONE } from '../tests/e2e/browser';
import { signInAs } from '../tests/e2e/session';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = arg('rows', 5000);
const delta = arg('delta', 100);
const KADRI = '24304142717';

const server = await startAppServer();
const browser = await launchBrowser();
const text = JSON.stringify({ et: 'Teade', en: 'Message', ru: 'Сообщение', uk: 'Повідомлення' });

async function addNotifications(n: number) {
  // As createNotification does, set-based: the rows and their change-log entries with the person's counter.
  await server.db.query(
    `WITH p AS (SELECT id FROM persons WHERE personal_code = $1),
     n AS (INSERT INTO notifications (person_id, topic, title, body) SELECT p.id, 'general', $3::jsonb, $3::jsonb
           FROM p, generate_series(1, $2) RETURNING id, person_id, topic, title, body, created_at),
     bumped AS (INSERT INTO person_clocks (person_id, change_seq) SELECT id, $2 FROM p
       ON CONFLICT (person_id) DO UPDATE SET change_seq = person_clocks.change_seq + $2 RETURNING change_seq - $2 AS base)
     INSERT INTO person_changes (person_id, entity, entity_id, seq, op, data)
     SELECT n.person_id, 'notification', n.id, bumped.base + row_number() OVER (ORDER BY n.id), 'put',
            jsonb_build_object('id', n.id, 'topic', n.topic, 'title', n.title, 'body', n.body, 'link', null,
                               'createdAt', n.created_at, 'readAt', null)
     FROM n, bumped`,
    [KADRI, n, text],
  );
}

async function serverBuild(after: number) {
  const { rows: p } = await server.db.query<{ id: string }>('SELECT id FROM persons WHERE personal_code = $1', [KADRI]);
  const started = performance.now();
  let cursor = after;
  let pages = 0;
  for (;;) {
    const page = await pullChanges(server.db, p[0].id, cursor);
    pages++;
    cursor = Number(Buffer.from(page.cursor.slice(3), 'base64url').toString());
    if (!page.more) break;
  }
  return { ms: performance.now() - started, pages };
}

try {
  const context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  await signInAs(page, server.url, 'Kadri Tamm');
  await addNotifications(rows);
  const count = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('minu-riik');
          open.onsuccess = () => {
            const r = open.result.transaction('notifications').objectStore('notifications').count();
            r.onsuccess = () => {
              open.result.close();
              resolve(r.result);
            };
          };
        }),
    );
  // A first full sync: forget the cursor and the rows, as on a new device, then time the refresh.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('minu-riik');
        open.onsuccess = () => {
          const tx = open.result.transaction(['meta', 'notifications'], 'readwrite');
          tx.objectStore('meta').delete('sync.cursor');
          tx.objectStore('notifications').clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
  );
  const full = await serverBuild(0);
  let started = performance.now();
  await page.getByRole('button', { name: /Refresh|Värskenda/ }).click();
  while ((await count()) < rows) await page.waitForTimeout(20);
  const fullClient = performance.now() - started;

  const { rows: seq } = await server.db.query<{ change_seq: string }>(
    'SELECT change_seq FROM person_clocks c JOIN persons p ON p.id = c.person_id WHERE p.personal_code = $1',
    [KADRI],
  );
  await addNotifications(delta);
  const small = await serverBuild(Number(seq[0].change_seq));
  started = performance.now();
  await page.getByRole('button', { name: /Refresh|Värskenda/ }).click();
  while ((await count()) < rows + delta) await page.waitForTimeout(20);
  const deltaClient = performance.now() - started;

  // The limit: the same rows as the server sent them, written with Dexie alone (rows fetched untimed).
  // Served from the app's origin, as the CSP allows only its own scripts.
  await page.route('**/bench-dexie.js', (route) =>
    route.fulfill({
      path: createRequire(import.meta.url).resolve('dexie/dist/dexie.js'),
      contentType: 'text/javascript',
    }),
  );
  await page.addScriptTag({ url: '/bench-dexie.js' });
  const limitMs = await page.evaluate(async () => {
    const pages: Record<string, unknown>[][] = [];
    let cursor = '';
    for (;;) {
      const res = await fetch(`/api/sync${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
      const body = (await res.json()) as {
        changes: { entity: string; id: string; data: object }[];
        cursor: string;
        more: boolean;
      };
      pages.push(body.changes.filter((c) => c.entity === 'notification').map((c) => ({ ...c.data, id: c.id })));
      cursor = body.cursor;
      if (!body.more) break;
    }
    const Dexie = (window as unknown as { Dexie: new (name: string) => DexieLike }).Dexie;
    interface DexieLike {
      version(n: number): { stores(s: Record<string, string>): void };
      open(): Promise<unknown>;
      transaction(mode: string, table: string, fn: () => Promise<unknown>): Promise<unknown>;
      table(name: string): { bulkPut(rows: unknown[]): Promise<unknown> };
      delete(): Promise<void>;
    }
    const limit = new Dexie('bench-limit');
    limit.version(1).stores({ notifications: 'id, createdAt' });
    await limit.open();
    const started = performance.now();
    for (const rows of pages)
      await limit.transaction('rw', 'notifications', () => limit.table('notifications').bulkPut(rows));
    const ms = performance.now() - started;
    await limit.delete();
    return ms;
  });

  console.log(`Sync on ${server.db.kind}, Chromium headless (phone profile):`);
  console.log(
    `  full sync of ${rows} rows: server builds ${full.pages} pages in ${full.ms.toFixed(0)} ms; the app pulls and applies it in ${fullClient.toFixed(0)} ms`,
  );
  console.log(
    `  limit: Dexie bulkPut of the same ${rows + delta} rows in pages of 500: ${limitMs.toFixed(0)} ms; ratio ${(fullClient / limitMs).toFixed(1)}× (target ≤ 1.5×)`,
  );
  console.log(
    `  delta of ${delta} rows: server builds it in ${small.ms.toFixed(0)} ms; the app pulls and applies it in ${deltaClient.toFixed(0)} ms`,
  );
} finally {
  await browser.close();
  await server.close();
}
