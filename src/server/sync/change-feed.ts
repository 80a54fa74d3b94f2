import type { Database } from '../db/database';
import type { Logger } from '../log';
import { encodeCursor } from './cursor';

/** One open stream: told the person's new cursor position, or that a newer stream took its place. */
export interface ChangeSubscriber {
  cursor(cursor: string): void;
  replaced(): void;
}

export interface ChangeFeed {
  /**
   * Tells the subscriber the person's cursor position now and whenever their change log moves. At most
   * one subscriber per person in this process: a new one replaces the one before. Returns unsubscribe.
   */
  subscribe(personId: string, subscriber: ChangeSubscriber): Promise<() => void>;
  /** How many people have a subscriber now. */
  size(): number;
}

const CHANNEL = 'person_changes';

/**
 * Hears, through NOTIFY on channel person_changes (migration 023, sent by every write to a person's
 * change counter), whose change log moved, and tells those who listen in this process. Listens only
 * while someone does.
 */
export function createChangeFeed(db: Database, log: Logger): ChangeFeed {
  const subscribers = new Map<string, ChangeSubscriber>();
  const sent = new Map<string, number>();
  let listening: Promise<() => Promise<void>> | undefined;

  function tell(personId: string, seq: number) {
    const subscriber = subscribers.get(personId);
    if (!subscriber || seq <= (sent.get(personId) ?? -1)) return;
    sent.set(personId, seq);
    subscriber.cursor(encodeCursor(seq));
  }

  async function readCounters(personIds: string[]) {
    if (personIds.length === 0) return;
    const { rows } = await db.query<{ person_id: string; change_seq: string }>(
      'SELECT person_id, change_seq FROM person_clocks WHERE person_id = ANY($1::uuid[])',
      [personIds],
    );
    const seqs = new Map(rows.map((r) => [r.person_id, Number(r.change_seq)]));
    for (const id of personIds) tell(id, seqs.get(id) ?? 0);
  }

  function heard(payload: string) {
    // '*': many people at once (a cohort), or the connection was lost: read the counters of ours.
    if (payload === '*') {
      readCounters([...subscribers.keys()]).catch((err) => log.error({ err }, 'change feed: reading counters failed'));
      return;
    }
    for (const entry of payload.split(',')) {
      const [personId, seq] = entry.split(':');
      if (subscribers.has(personId)) tell(personId, Number(seq));
    }
  }

  async function stopIfIdle() {
    if (subscribers.size > 0 || !listening) return;
    const stopping = listening;
    listening = undefined;
    await (await stopping)();
  }

  return {
    async subscribe(personId, subscriber) {
      subscribers.get(personId)?.replaced();
      subscribers.set(personId, subscriber);
      sent.delete(personId);
      listening ??= db.listen(CHANNEL, heard);
      await listening;
      await readCounters([personId]);
      return () => {
        if (subscribers.get(personId) !== subscriber) return;
        subscribers.delete(personId);
        sent.delete(personId);
        stopIfIdle().catch((err) => log.error({ err }, 'change feed: stopping failed'));
      };
    },
    size: () => subscribers.size,
  };
}
