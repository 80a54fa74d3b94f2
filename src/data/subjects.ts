import Dexie from 'dexie';
import { type MandateRow, mandateHolds } from '../contract/mandates';
import { MinuRiikDb } from './db';
import { createSyncEngine, REJECTIONS_KEY, type Rejection, type SyncEngineOptions, type SyncPhase } from './sync';

/**
 * The rows of each person the signed-in person acts for live in a database of their own, with its own
 * cursor and outbox: no query can mix two people's rows, and ending a mandate is deleting one database.
 * The signed-in person's own database lists the mandates (table `mandates`, from their change log) and
 * remembers which subject databases this device holds, so the ones no longer allowed can be deleted.
 */

const KNOWN_KEY = 'subjects.databases';

export const subjectDbName = (subjectId: string) => `minu-riik-subject-${subjectId}`;

/** Whom the signed-in person may act for on `today` (YYYY-MM-DD, Tallinn), by the mandates on this device. */
export async function heldSubjects(own: MinuRiikDb, today: string): Promise<MandateRow[]> {
  const mandates = await own.mandates.where('role').equals('actor').toArray();
  const held = mandates.filter((m) => mandateHolds(m, today));
  return [...new Map(held.map((m) => [m.person.id, m])).values()];
}

/** The mandates that let the signed-in person act for `subjectId` on `today` (a parent may also be authorised). */
export async function mandatesFor(own: MinuRiikDb, subjectId: string, today: string): Promise<MandateRow[]> {
  const mandates = await own.mandates.where('role').equals('actor').toArray();
  return mandates.filter((m) => m.person.id === subjectId && mandateHolds(m, today));
}

async function knownSubjects(own: MinuRiikDb): Promise<string[]> {
  return ((await own.meta.get(KNOWN_KEY))?.value as string[] | undefined) ?? [];
}

/**
 * The subject's database, made on first use with the actor's profile row (actions queued there are the
 * actor's, sent for the subject) and remembered in the actor's database.
 */
export async function openSubjectDb(own: MinuRiikDb, subjectId: string): Promise<MinuRiikDb> {
  const me = await own.profile.get('me');
  if (!me) throw new Error('openSubjectDb: nobody is signed in');
  const known = await knownSubjects(own);
  if (!known.includes(subjectId)) await own.meta.put({ key: KNOWN_KEY, value: [...known, subjectId] });
  const db = new MinuRiikDb(subjectDbName(subjectId));
  await db.transaction('rw', db.profile, async () => {
    if (!(await db.profile.get('me'))) await db.profile.put(me);
  });
  return db;
}

/**
 * Deletes every subject database this device holds but `keep` does not name (all of them: sign-out).
 * With `send`, actions still queued in one are sent first, so the person is told why each was refused
 * (`mandate_revoked`): the refusals (and any not yet read) move to the signed-in person's own list.
 */
export async function deleteSubjectDbs(
  own: MinuRiikDb,
  keep: ReadonlySet<string> = new Set(),
  send?: Omit<SyncEngineOptions, 'subject'>,
): Promise<string[]> {
  const known = await knownSubjects(own);
  const gone: string[] = [];
  for (const id of known.filter((id) => !keep.has(id))) {
    // Not all answered (the network went, the server failed): kept, unoffered, until a sync has told the person.
    if (send && !(await sendLeftovers(own, id, send))) continue;
    await Dexie.delete(subjectDbName(id));
    gone.push(id);
  }
  await own.meta.put({ key: KNOWN_KEY, value: known.filter((id) => !gone.includes(id)) });
  return gone;
}

/** Sends what is still queued for the subject and moves the refusals to `own`; false when it could not send. */
async function sendLeftovers(
  own: MinuRiikDb,
  subjectId: string,
  options: Omit<SyncEngineOptions, 'subject'>,
): Promise<boolean> {
  const db = new MinuRiikDb(subjectDbName(subjectId));
  try {
    if ((await db.outbox.count()) > 0) {
      // The pull after the send is refused (404: no mandate); the answers to the send are what count.
      await createSyncEngine(db, { ...options, subject: subjectId }).sync();
      if ((await db.outbox.count()) > 0) return false;
    }
    // Refusals of earlier syncs too: one sent just before the mandate's end reached this device.
    const refused = ((await db.meta.get(REJECTIONS_KEY))?.value as Rejection[] | undefined) ?? [];
    if (refused.length === 0) return true;
    await own.transaction('rw', own.meta, own.mandates, async () => {
      const list = ((await own.meta.get(REJECTIONS_KEY))?.value as Rejection[] | undefined) ?? [];
      // The ended mandate stays in the list of mandates, with the name the refusal says it for.
      const mandate = (await own.mandates.where('role').equals('actor').toArray()).find(
        (m) => m.person.id === subjectId,
      );
      const name = mandate ? `${mandate.person.givenName} ${mandate.person.familyName}` : undefined;
      // The rows they were about leave with the database: the refusal is said without them.
      const moved = refused.map(({ about: _, ...r }) => (name ? { ...r, subject: name } : r));
      await own.meta.put({ key: REJECTIONS_KEY, value: [...list, ...moved] });
    });
    return true;
  } finally {
    db.close();
  }
}

/**
 * After the signed-in person's own sync: deletes the databases of subjects no mandate allows any more
 * (revoked, declined, expired, rights removed, the child turned 18; their queued actions sent first, to
 * be told why they were refused), then syncs each one still held in its own database. A failed subject
 * sync is not retried on its own: the next sync of the signed-in person tries again.
 */
export async function syncSubjects(
  own: MinuRiikDb,
  today: string,
  options: Omit<SyncEngineOptions, 'subject'> = {},
): Promise<Map<string, SyncPhase>> {
  const once = { schedule: () => undefined, ...options };
  const held = await heldSubjects(own, today);
  await deleteSubjectDbs(own, new Set(held.map((m) => m.person.id)), once);
  const phases = new Map<string, SyncPhase>();
  for (const m of held) {
    const db = await openSubjectDb(own, m.person.id);
    try {
      phases.set(m.person.id, await createSyncEngine(db, { ...once, subject: m.person.id }).sync());
    } finally {
      db.close();
    }
  }
  return phases;
}
