import { createHash } from 'node:crypto';
import { Agent, type AgentOptions } from 'node:https';
import webpush, { WebPushError } from 'web-push';
import type { Localized } from '../../contract/i18n';
import type { Lang } from '../../contract/langs';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { notificationText } from '../notifications/store';
import { text } from '../rules/texts';
import { isAllowedPushEndpoint, pushOriginsFromEnv } from './endpoints';
import type { VapidKeys } from './vapid';

const BATCH = 50;
const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 8;
const TTL_SECONDS = 24 * 3600;
/** A VAPID token is valid for 12 hours (RFC 8292 allows 24) and made anew an hour before it ends. */
const VAPID_SECONDS = 12 * 3600;
const VAPID_RENEW_SECONDS = 3600;

/** What the service worker receives: no personal code, nothing sensitive, only where to go. */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
}

/** The push a parent or guardian gets for their child's or ward's notification: no name, no content. */
const REPRESENTED = { title: text('push.represented.title'), body: text('push.represented.body') };

interface Claimed {
  id: string;
  attempts: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  subscription_id: string;
  notification_id: string;
  topic: string;
  title: Localized;
  body: Localized;
  link: string | null;
  urgent: boolean;
  language: Lang;
  /** The subscription is a parent's or guardian's, the notification their child's or ward's. */
  represented: boolean;
}

export interface PushSenderOptions {
  db: Database;
  vapid: VapidKeys;
  log: Logger;
  /** For tests: TLS options of every agent, e.g. the mock push service's certificate as `ca`. */
  tls?: AgentOptions;
  now?: () => number;
  /** The push services it may connect to (see push/endpoints.ts); by default PUSH_ALLOWED_ORIGINS or the browsers'. */
  allowedOrigins?: readonly string[];
}

type Outcome =
  | { kind: 'sent'; d: Claimed }
  | { kind: 'gone'; d: Claimed }
  | { kind: 'retry'; d: Claimed; error: string }
  | { kind: 'failed'; d: Claimed; error: string };

/** Back-off after a 429 or 5xx: 30 s, 1 min, 2 min … at most an hour. */
export const retryDelaySeconds = (attempts: number) => Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));

/**
 * Sends due pushes. Each run claims a batch with a lease (FOR UPDATE SKIP LOCKED), so several API
 * processes share the queue without taking the same delivery; sends outside any transaction; then
 * records the batch's outcomes together. 404/410 removes the subscription; 429 and 5xx retry with
 * back-off, up to a cap. Connections to each push service stay open between pushes (one keep-alive
 * agent per origin), and the VAPID token is signed once per push service and reused while valid.
 */
export function createPushSender({
  db,
  vapid,
  log,
  tls,
  now = Date.now,
  allowedOrigins = pushOriginsFromEnv(),
}: PushSenderOptions) {
  const agents = new Map<string, Agent>();
  const tokens = new Map<string, { authorization: string; expires: number }>();

  function agentFor(origin: string): Agent {
    let agent = agents.get(origin);
    if (!agent) {
      agent = new Agent({ keepAlive: true, maxSockets: BATCH, ...tls });
      agents.set(origin, agent);
    }
    return agent;
  }

  function authorizationFor(audience: string): string {
    const cached = tokens.get(audience);
    const nowSeconds = Math.floor(now() / 1000);
    if (cached && cached.expires - VAPID_RENEW_SECONDS > nowSeconds) return cached.authorization;
    const expires = nowSeconds + VAPID_SECONDS;
    const { Authorization } = webpush.getVapidHeaders(
      audience,
      vapid.subject,
      vapid.publicKey,
      vapid.privateKey,
      'aes128gcm',
      expires,
    );
    tokens.set(audience, { authorization: Authorization, expires });
    return Authorization;
  }

  async function claim(): Promise<Claimed[]> {
    const { rows } = await db.query<Claimed>(
      `WITH due AS (
         SELECT id FROM push_deliveries
         WHERE status = 'pending' AND not_before <= now() AND (lease_until IS NULL OR lease_until < now())
         ORDER BY not_before, id LIMIT $1 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE push_deliveries d SET lease_until = now() + make_interval(secs => $2), attempts = d.attempts + 1
         FROM due WHERE d.id = due.id
         RETURNING d.id, d.attempts, d.subscription_id, d.notification_id
       )
       SELECT c.id, c.attempts, c.subscription_id, c.notification_id, s.endpoint, s.p256dh, s.auth,
              n.topic, ${notificationText('n', 'title')} AS title, ${notificationText('n', 'body')} AS body, n.link,
              n.urgent, p.preferred_language AS language, s.person_id <> n.person_id AS represented
       FROM claimed c
       JOIN push_subscriptions s ON s.id = c.subscription_id
       JOIN notifications n ON n.id = c.notification_id
       JOIN persons p ON p.id = s.person_id`,
      [BATCH, LEASE_SECONDS],
    );
    return rows;
  }

  async function send(d: Claimed): Promise<Outcome> {
    // To a parent or guardian: that something came for someone they act for, never whom or what.
    const payload: PushPayload = d.represented
      ? {
          title: REPRESENTED.title[d.language],
          body: REPRESENTED.body[d.language],
          url: '/',
          tag: `represented-${d.notification_id}`,
        }
      : {
          title: d.title[d.language],
          body: d.body[d.language],
          url: d.link ?? '/inbox',
          tag: `${d.topic}-${d.notification_id}`,
        };
    if (!isAllowedPushEndpoint(d.endpoint, allowedOrigins)) {
      // Registered before the allow-list, or the list changed: never connect there.
      log.warn({ subscription: d.subscription_id }, 'push endpoint not on the allow-list: removed');
      return { kind: 'gone', d };
    }
    try {
      const { origin } = new URL(d.endpoint);
      await webpush.sendNotification(
        { endpoint: d.endpoint, keys: { p256dh: d.p256dh, auth: d.auth } },
        JSON.stringify(payload),
        {
          TTL: TTL_SECONDS,
          urgency: d.urgent ? 'high' : 'normal',
          // Repeats of the same notification replace each other at the push service.
          topic: createHash('sha256').update(d.notification_id).digest('base64url').slice(0, 32),
          // No vapidDetails: the header carries the cached token instead of one signed per push.
          headers: { Authorization: authorizationFor(origin) },
          agent: agentFor(origin),
        },
      );
      return { kind: 'sent', d };
    } catch (error) {
      const status = error instanceof WebPushError ? error.statusCode : 0;
      const message = `${status} ${error instanceof Error ? error.message : String(error)}`;
      if (status === 404 || status === 410) return { kind: 'gone', d };
      if ((status === 429 || status >= 500 || status === 0) && d.attempts < MAX_ATTEMPTS)
        return { kind: 'retry', d, error: message };
      return { kind: 'failed', d, error: message };
    }
  }

  /** Writes a batch's outcomes in one transaction: a few statements per batch, not two per push. */
  async function record(outcomes: Outcome[]): Promise<void> {
    const of = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind);
    const sent = of('sent');
    const gone = of('gone');
    const retry = of('retry') as Extract<Outcome, { kind: 'retry' }>[];
    const failed = of('failed') as Extract<Outcome, { kind: 'failed' }>[];
    for (const o of gone) log.info({ subscription: o.d.subscription_id }, 'push subscription gone: removed');
    for (const o of failed) log.warn({ delivery: o.d.id, message: o.error }, 'push failed for good');
    await db.transaction(async (tx) => {
      if (sent.length > 0) {
        await tx.query(
          `UPDATE push_deliveries SET status = 'sent', sent_at = now(), lease_until = NULL WHERE id = ANY($1::bigint[])`,
          [sent.map((o) => o.d.id)],
        );
        await tx.query('UPDATE push_subscriptions SET last_sent_at = now() WHERE id = ANY($1::uuid[])', [
          [...new Set(sent.map((o) => o.d.subscription_id))],
        ]);
      }
      if (gone.length > 0) {
        await tx.query('DELETE FROM push_subscriptions WHERE id = ANY($1::uuid[])', [
          [...new Set(gone.map((o) => o.d.subscription_id))],
        ]);
      }
      if (retry.length > 0) {
        await tx.query(
          `UPDATE push_deliveries d SET not_before = now() + make_interval(secs => r.delay), lease_until = NULL,
             last_error = r.error
           FROM unnest($1::bigint[], $2::int[], $3::text[]) AS r(id, delay, error) WHERE d.id = r.id`,
          [retry.map((o) => o.d.id), retry.map((o) => retryDelaySeconds(o.d.attempts)), retry.map((o) => o.error)],
        );
      }
      if (failed.length > 0) {
        await tx.query(
          `UPDATE push_deliveries d SET status = 'failed', lease_until = NULL, last_error = r.error
           FROM unnest($1::bigint[], $2::text[]) AS r(id, error) WHERE d.id = r.id`,
          [failed.map((o) => o.d.id), failed.map((o) => o.error)],
        );
      }
    });
  }

  /** Sends one batch of due deliveries; returns how many it handled. */
  async function runOnce(): Promise<number> {
    const batch = await claim();
    if (batch.length > 0) await record(await Promise.all(batch.map(send)));
    return batch.length;
  }

  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  /** Polls the queue until stopped: at once while there is work, else every `idleMs`. */
  function start(idleMs = 2000) {
    const loop = async () => {
      if (stopped) return;
      let handled = 0;
      try {
        handled = await runOnce();
      } catch (error) {
        log.error({ err: error }, 'push sender run failed');
      }
      if (!stopped) timer = setTimeout(run, handled > 0 ? 0 : idleMs);
    };
    const run = () => {
      current = loop();
    };
    run();
  }
  /** Stops polling; resolves once the batch being sent, if any, is done. */
  function stop(): Promise<void> {
    stopped = true;
    clearTimeout(timer);
    return current.then(() => {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    });
  }

  return { runOnce, start, stop };
}
