import { createHash } from 'node:crypto';
import type { Agent } from 'node:https';
import webpush, { WebPushError } from 'web-push';
import type { Localized } from '/work/wt/i16b/src/server/../contract/i18n';
import type { Lang } from '/work/wt/i16b/src/server/../contract/langs';
import type { Database } from '/work/wt/i16b/src/server/db/database';
import type { Logger } from '/work/wt/i16b/src/server/log';
import { notificationText } from '/work/wt/i16b/src/server/notifications/store';
import type { VapidKeys } from '/work/wt/i16b/src/server/push/vapid';

const BATCH = 50;
const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 8;
const TTL_SECONDS = 24 * 3600;

/** What the service worker receives: no personal code, nothing sensitive, only where to go. */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
}

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
}

export interface PushSenderOptions {
  db: Database;
  vapid: VapidKeys;
  log: Logger;
  /** For tests: an agent that trusts the mock push service's certificate. */
  agent?: Agent;
}

/** Back-off after a 429 or 5xx: 30 s, 1 min, 2 min … at most an hour. */
export const retryDelaySeconds = (attempts: number) => Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));

/**
 * Sends due pushes. Each run claims a batch with a lease (FOR UPDATE SKIP LOCKED), so several API
 * processes share the queue without taking the same delivery; sends outside any transaction; then
 * records the outcome. 404/410 removes the subscription; 429 and 5xx retry with back-off, up to a cap.
 */
export function createPushSender({ db, vapid, log, agent }: PushSenderOptions) {
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
              n.urgent, p.preferred_language AS language
       FROM claimed c
       JOIN push_subscriptions s ON s.id = c.subscription_id
       JOIN notifications n ON n.id = c.notification_id
       JOIN persons p ON p.id = n.person_id`,
      [BATCH, LEASE_SECONDS],
    );
    return rows;
  }

  async function send(d: Claimed): Promise<void> {
    const payload: PushPayload = {
      title: d.title[d.language],
      body: d.body[d.language],
      url: d.link ?? '/inbox',
      tag: `${d.topic}-${d.notification_id}`,
    };
    try {
      await webpush.sendNotification(
        { endpoint: d.endpoint, keys: { p256dh: d.p256dh, auth: d.auth } },
        JSON.stringify(payload),
        {
          TTL: TTL_SECONDS,
          urgency: d.urgent ? 'high' : 'normal',
          // Repeats of the same notification replace each other at the push service.
          topic: createHash('sha256').update(d.notification_id).digest('base64url').slice(0, 32),
          vapidDetails: vapid,
          ...(agent ? { agent } : {}),
        },
      );
      await db.query(`UPDATE push_deliveries SET status = 'sent', sent_at = now(), lease_until = NULL WHERE id = $1`, [
        d.id,
      ]);
      await db.query('UPDATE push_subscriptions SET last_sent_at = now() WHERE id = $1', [d.subscription_id]);
    } catch (error) {
      const status = error instanceof WebPushError ? error.statusCode : 0;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 404 || status === 410) {
        log.info({ subscription: d.subscription_id, status }, 'push subscription gone: removed');
        await db.query('DELETE FROM push_subscriptions WHERE id = $1', [d.subscription_id]);
      } else if ((status === 429 || status >= 500 || status === 0) && d.attempts < MAX_ATTEMPTS) {
        await db.query(
          `UPDATE push_deliveries SET not_before = now() + make_interval(secs => $2), lease_until = NULL, last_error = $3
           WHERE id = $1`,
          [d.id, retryDelaySeconds(d.attempts), `${status} ${message}`],
        );
      } else {
        log.warn({ delivery: d.id, status, message }, 'push failed for good');
        await db.query(
          `UPDATE push_deliveries SET status = 'failed', lease_until = NULL, last_error = $2 WHERE id = $1`,
          [d.id, `${status} ${message}`],
        );
      }
    }
  }

  /** Sends one batch of due deliveries; returns how many it handled. */
  async function runOnce(): Promise<number> {
    const batch = await claim();
    await Promise.all(batch.map(send));
    return batch.length;
  }

  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
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
      if (!stopped) timer = setTimeout(loop, handled > 0 ? 0 : idleMs);
    };
    void loop();
  }
  function stop() {
    stopped = true;
    clearTimeout(timer);
  }

  return { runOnce, start, stop };
}
