/**
 * npm run bench:push [-- --notifications 10000]: creates notifications for people with one push
 * subscription each, lets the sender deliver them to a mock push service on loopback (HTTPS, real
 * VAPID and aes128gcm encryption), and prints deliveries per second and the p99 delay from creation
 * to delivery, beside the limit measured in the same run: the same pushes encrypted and VAPID-signed
 * one by one with nothing else (web-push's own request building), and encrypted alone. Figures only.
 */
import webpush from 'web-push';
import { openDatabase } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { createLogger } from '../src/server/log';
import { createPushSender } from '../src/server/push/sender';
import { loadVapidKeys } from '../src/server/push/vapid';
import { seed } from '../src/server/seed';
import { startMockPushService } from '../tests/support/mock-push-service';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const total = arg('notifications', 10_000);
const people = Math.min(total, arg('people', 100));

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
await migrate(db);
await seed(db);
const vapid = await loadVapidKeys(db, {});
const mock = await startMockPushService();
const log = createLogger('warn');

const { rows: persons } = await db.query<{ id: string }>(`SELECT id FROM persons ORDER BY personal_code LIMIT $1`, [
  people,
]);
for (const [i, p] of persons.entries()) {
  const sub = mock.subscription(`bench-${i}`);
  await db.query(
    `INSERT INTO push_subscriptions (person_id, endpoint, p256dh, auth, vapid_public_key) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (endpoint) DO NOTHING`,
    [p.id, sub.endpoint, sub.keys.p256dh, sub.keys.auth, vapid.publicKey],
  );
}
// Notifications and their deliveries as createNotification would queue them (urgent: no quiet hours).
const text = JSON.stringify({ et: 'Test', en: 'Test', ru: 'Тест', uk: 'Тест' });
await db.query(
  `WITH n AS (
     INSERT INTO notifications (person_id, topic, title, body, link, urgent)
     SELECT p.id, 'status', $2::jsonb, $2::jsonb, '/events', true
     FROM generate_series(1, $1) g JOIN (SELECT id, row_number() OVER () - 1 AS k FROM persons LIMIT $3) p
       ON p.k = g % $3
     RETURNING id, person_id
   )
   INSERT INTO push_deliveries (notification_id, subscription_id) SELECT n.id, s.id FROM n JOIN push_subscriptions s ON s.person_id = n.person_id`,
  [total, text, persons.length],
);
const { rows: queued } = await db.query<{ n: string }>(
  `SELECT count(*) AS n FROM push_deliveries WHERE status = 'pending'`,
);
console.log(`Queued ${queued[0].n} pushes for ${persons.length} devices on ${db.kind}; sending…`);

const sender = createPushSender({ db, vapid, log, tls: { ca: mock.ca }, allowedOrigins: [mock.origin] });
const started = performance.now();
while ((await sender.runOnce()) > 0);
const seconds = (performance.now() - started) / 1000;

const { rows: delays } = await db.query<{ ms: number }>(
  `SELECT extract(epoch FROM d.sent_at - n.created_at) * 1000 AS ms
   FROM push_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE d.status = 'sent' ORDER BY 1`,
);
const p = (q: number) =>
  Math.round(Number(delays[Math.min(delays.length - 1, Math.floor(q * delays.length))]?.ms ?? 0));
console.log(
  `Delivered ${delays.length} of ${queued[0].n} (mock received ${mock.received.length}) in ${seconds.toFixed(1)} s`,
);
console.log(
  `  ${(delays.length / seconds).toFixed(0)} deliveries/s; delay creation → delivery p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`,
);
// The limit: what each push must cost at least, the same payloads encrypted and signed, with no I/O.
const limitCount = Math.min(total, 5000);
const payload = JSON.stringify({ title: 'Test', body: 'Test', url: '/events', tag: 'status-x' });
const sub = mock.subscription('limit');
const perSecond = (fn: () => void) => {
  const t = performance.now();
  for (let i = 0; i < limitCount; i++) fn();
  return limitCount / ((performance.now() - t) / 1000);
};
const signed = perSecond(() => webpush.generateRequestDetails(sub, payload, { TTL: 86400, vapidDetails: vapid }));
const encrypted = perSecond(() => webpush.generateRequestDetails(sub, payload, { TTL: 86400 }));
const rate = delays.length / seconds;
console.log(
  `  limit: encrypt + VAPID sign ${signed.toFixed(0)}/s; encrypt alone ${encrypted.toFixed(0)}/s (${limitCount} pushes, same run)`,
);
console.log(
  `  ratio: ${((100 * rate) / signed).toFixed(0)} % of encrypt + sign (target ≥ 50 %), ${((100 * rate) / encrypted).toFixed(0)} % of encrypt alone`,
);
sender.stop();
await mock.close();
await db.close();
