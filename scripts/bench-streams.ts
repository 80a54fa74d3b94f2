/**
 * npm run bench:streams [-- --streams 1000]: opens N live-status streams (GET /api/changes/stream) on
 * one API process, from a second process, and prints the API process's memory per open stream, then
 * moves every one of those people's change logs in one statement and prints how long until every
 * stream has heard. The route and feed are the app's; the person comes from a header instead of a
 * session (sign-in is not what is measured). Figures only: not a test.
 */
import { fork } from 'node:child_process';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { PersonEnv, SessionPerson } from '../src/server/auth/context';
import { openDatabase } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { createLogger } from '../src/server/log';
import { changeRoutes } from '../src/server/routes/changes';
import { createChangeFeed } from '../src/server/sync/change-feed';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const streams = arg('streams', 1000);

if (process.argv.includes('--clients')) {
  // The second process: one stream per person id read from stdin's message, and a count of events heard.
  process.on('message', ({ url, ids }: { url: string; ids: string[] }) => {
    let open = 0;
    let heard = 0;
    for (const id of ids) {
      const req = request(`${url}/api/changes/stream`, { headers: { 'x-person': id } }, (res) => {
        let first = true;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          for (const _ of chunk.matchAll(/event: cursor/g)) {
            if (first) {
              first = false;
              if (++open === ids.length) process.send?.({ open });
            } else if (++heard === ids.length) process.send?.({ heard });
          }
        });
      });
      req.end();
    }
  });
} else {
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  await migrate(db);
  const log = createLogger('warn');
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO persons (personal_code, given_name, family_name, preferred_language, facts)
     SELECT (32000000000 + i + (extract(epoch FROM now())::bigint % 1000) * 100000)::text, 'Isik', 'Nr ' || i, 'et', '{}'::jsonb
     FROM generate_series(1, $1::int) AS i RETURNING id`,
    [streams],
  );
  const ids = rows.map((r) => r.id);
  const app = new Hono<PersonEnv>();
  app.use('*', async (c, next) => {
    c.set('person', { id: c.req.header('x-person') ?? '' } as SessionPerson);
    await next();
  });
  app.route('/api/changes', changeRoutes(createChangeFeed(db, log)));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const memory = () => {
    global.gc?.();
    const m = process.memoryUsage();
    return { rss: m.rss, heap: m.heapUsed };
  };
  const before = memory();
  const clients = fork(new URL(import.meta.url).pathname, ['--clients'], { execArgv: ['--import', 'tsx'] });
  const when = (key: string) =>
    new Promise<void>((resolve) => clients.on('message', (m: Record<string, number>) => key in m && resolve()));
  const allOpen = when('open');
  let t = performance.now();
  clients.send({ url, ids });
  await allOpen;
  const openMs = performance.now() - t;
  const after = memory();
  const kb = (bytes: number) => (bytes / 1024 / streams).toFixed(1);
  console.log(`${streams} streams open on one process (${db.kind}) in ${openMs.toFixed(0)} ms`);
  console.log(
    `  memory per stream: ${kb(after.heap - before.heap)} KB JavaScript heap, ${kb(after.rss - before.rss)} KB resident`,
  );
  const allHeard = when('heard');
  t = performance.now();
  await db.query('INSERT INTO person_clocks (person_id, change_seq) SELECT unnest($1::uuid[]), 1', [ids]);
  await allHeard;
  console.log(
    `  one statement moves all ${streams} change logs: every stream heard in ${(performance.now() - t).toFixed(0)} ms`,
  );
  clients.kill();
  server.close();
  await db.query('DELETE FROM persons WHERE id = ANY($1::uuid[])', [ids]);
  await db.close();
  process.exit(0);
}
