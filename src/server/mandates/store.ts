import { addToDate, tallinnDate } from '../../contract/dates';
import { isValidPersonalCode } from '../../contract/isikukood';
import {
  MAX_AUTHORISATION_YEARS,
  type MandateEndPayload,
  type MandateGrantPayload,
  type MandateKind,
  type MandateRow,
  type MandateScope,
  type MandateStatus,
} from '../../contract/mandates';
import type { SessionPerson } from '../auth/context';
import type { Queryable } from '../db/database';
import { iso, isoOrNull } from '../db/timestamps';
import { MutationRejected } from '../errors';
import { createNotification } from '../notifications/store';
import { renderLocalized } from '../rules/evaluate';
import { text } from '../rules/texts';
import { birthDateOf } from '../settings/store';
import { recordChange } from '../sync/changes';

/** Mandates: who may act for whom, kept in `mandates` (migration 024) and mirrored to both people's devices. */

interface MandateDbRow {
  id: string;
  kind: MandateKind;
  actor_id: string;
  subject_id: string;
  scope: MandateScope;
  services: string[] | null;
  valid_until: string;
  status: MandateStatus;
  created_at: Date | string;
  ended_at: Date | string | null;
  actor_given: string;
  actor_family: string;
  subject_given: string;
  subject_family: string;
}

/**
 * Records the mandate's current state in both people's change logs: the actor sees whom they may act
 * for, the subject who may act for them.
 */
export async function recordMandate(tx: Queryable, mandateId: string): Promise<void> {
  const { rows } = await tx.query<MandateDbRow>(
    `SELECT m.id, m.kind, m.actor_id, m.subject_id, m.scope, m.services, to_char(m.valid_until, 'YYYY-MM-DD') AS valid_until,
            m.status, m.created_at, m.ended_at, a.given_name AS actor_given, a.family_name AS actor_family,
            s.given_name AS subject_given, s.family_name AS subject_family
     FROM mandates m JOIN persons a ON a.id = m.actor_id JOIN persons s ON s.id = m.subject_id WHERE m.id = $1`,
    [mandateId],
  );
  const m = rows[0];
  if (!m) throw new Error(`no mandate ${mandateId}`);
  const row = (role: MandateRow['role']): Omit<MandateRow, 'id'> => ({
    kind: m.kind,
    role,
    person:
      role === 'actor'
        ? { id: m.subject_id, givenName: m.subject_given, familyName: m.subject_family }
        : { id: m.actor_id, givenName: m.actor_given, familyName: m.actor_family },
    scope: m.scope,
    services: m.services,
    validUntil: m.valid_until,
    status: m.status,
    createdAt: iso(m.created_at),
    endedAt: isoOrNull(m.ended_at),
  });
  await recordChange(tx, m.actor_id, 'mandate', m.id, row('actor'));
  await recordChange(tx, m.subject_id, 'mandate', m.id, row('subject'));
}

/**
 * `mandate.grant`: the signed-in person authorises another person, found by personal code, to see (and,
 * with scope `act`, to act on) their data for all services or the ones named, until the end of `validUntil`.
 */
export async function grantMandate(
  tx: Queryable,
  person: SessionPerson,
  grant: MandateGrantPayload,
  now = new Date(),
): Promise<void> {
  if (!isValidPersonalCode(grant.personalCode)) {
    throw new MutationRejected('invalid_code', 'Not a valid Estonian personal code');
  }
  if (grant.personalCode === person.personalCode) {
    throw new MutationRejected('mandate_self', 'A person cannot authorise themselves');
  }
  const today = tallinnDate(now);
  if (grant.validUntil < today) throw new MutationRejected('end_in_past', 'The end date has passed');
  if (grant.validUntil > addToDate(today, MAX_AUTHORISATION_YEARS)) {
    throw new MutationRejected('too_long', `An authorisation lasts at most ${MAX_AUTHORISATION_YEARS} years`);
  }
  if (grant.services) {
    const { rows } = await tx.query<{ n: string }>(
      'SELECT count(*) AS n FROM event_services WHERE id = ANY($1::text[])',
      [grant.services],
    );
    if (Number(rows[0].n) !== new Set(grant.services).size) {
      throw new MutationRejected('unknown_service', 'No such service');
    }
  }
  const { rows: actors } = await tx.query<{ id: string }>('SELECT id FROM persons WHERE personal_code = $1', [
    grant.personalCode,
  ]);
  if (!actors[0]) throw new MutationRejected('unknown_person', 'This person does not use the service');
  const services = grant.services ? [...new Set(grant.services)].sort() : null;
  const inserted = await tx.query(
    `INSERT INTO mandates (id, kind, actor_id, subject_id, scope, services, valid_until, created_at)
     VALUES ($1, 'authorisation', $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [grant.mandateId, actors[0].id, person.id, grant.scope, services, grant.validUntil, now],
  );
  // The id is the client's: one already taken (by anyone) is refused, never overwritten.
  if (inserted.rows.length === 0) throw new MutationRejected('id_conflict', 'Mandate id already used');
  await recordMandate(tx, grant.mandateId);
  await notifyAuthorised(tx, actors[0].id, person, grant);
}

/**
 * Tells the authorised person who authorised them, to do what and until when, and that they may decline.
 * The title names nobody: a push shows it on a locked screen.
 */
async function notifyAuthorised(tx: Queryable, actorId: string, giver: SessionPerson, grant: MandateGrantPayload) {
  const vars = { name: { text: `${giver.givenName} ${giver.familyName}` }, until: { date: grant.validUntil } };
  await createNotification(tx, actorId, {
    topic: 'general',
    title: text('mandate.grantedTitle'),
    body: renderLocalized(text(grant.scope === 'act' ? 'mandate.grantedAct' : 'mandate.grantedView'), vars),
    link: '/authorisations',
  });
}

/**
 * Ends an authorisation: `revoke` by the person who gave it, `decline` by the person it was given to.
 * Idempotent: one already ended stays as it is. Parental rights and guardianship end only by the register.
 */
async function endAuthorisation(
  tx: Queryable,
  person: SessionPerson,
  { mandateId }: MandateEndPayload,
  as: 'subject' | 'actor',
  now: Date,
): Promise<void> {
  const { rows } = await tx.query<{ status: MandateStatus }>(
    `SELECT status FROM mandates WHERE id = $1 AND kind = 'authorisation' AND ${as === 'subject' ? 'subject_id' : 'actor_id'} = $2
     FOR UPDATE`,
    [mandateId, person.id],
  );
  if (!rows[0]) throw new MutationRejected('not_found', 'No such authorisation');
  if (rows[0].status !== 'active') return;
  await tx.query('UPDATE mandates SET status = $2, ended_at = $3 WHERE id = $1', [
    mandateId,
    as === 'subject' ? 'revoked' : 'declined',
    now,
  ]);
  await recordMandate(tx, mandateId);
}

export const revokeMandate = (tx: Queryable, person: SessionPerson, end: MandateEndPayload, now = new Date()) =>
  endAuthorisation(tx, person, end, 'subject', now);

export const declineMandate = (tx: Queryable, person: SessionPerson, end: MandateEndPayload, now = new Date()) =>
  endAuthorisation(tx, person, end, 'actor', now);

/**
 * Sets who holds a register mandate (`parent` or `guardian`) for `subjectId` from now on: each of
 * `actorIds` has an active one until `validUntil` (made, restored or moved), everyone else's of that
 * kind for the subject is removed. Returns how many ended.
 */
export async function setRegisterMandates(
  tx: Queryable,
  change: { kind: 'parent' | 'guardian'; subjectId: string; actorIds: string[]; validUntil: string; eventId: string },
  now: Date,
): Promise<number> {
  const { rows: held } = await tx.query<{ id: string }>(
    `INSERT INTO mandates (kind, actor_id, subject_id, scope, valid_until, agency_event_id, created_at)
     SELECT $1, a, $2, 'act', $4, $5, $6 FROM unnest($3::uuid[]) AS a
     ON CONFLICT (kind, actor_id, subject_id) WHERE kind <> 'authorisation'
     DO UPDATE SET status = 'active', ended_at = NULL, valid_until = excluded.valid_until,
                   agency_event_id = excluded.agency_event_id
     WHERE mandates.status <> 'active' OR mandates.valid_until <> excluded.valid_until
     RETURNING id`,
    [change.kind, change.subjectId, change.actorIds, change.validUntil, change.eventId, now],
  );
  const { rows: ended } = await tx.query<{ id: string }>(
    `UPDATE mandates SET status = 'removed', ended_at = $4, agency_event_id = $5
     WHERE kind = $1 AND subject_id = $2 AND status = 'active' AND NOT (actor_id = ANY($3::uuid[]))
     RETURNING id`,
    [change.kind, change.subjectId, change.actorIds, now, change.eventId],
  );
  for (const { id } of [...held, ...ended]) await recordMandate(tx, id);
  return ended.length;
}

/** The last day a parent's rights over a child hold: the day before the child's 18th birthday. */
export async function parentalRightsUntil(tx: Queryable, childId: string, childCode: string): Promise<string> {
  const birthDate = await birthDateOf(tx, childId, childCode);
  const eighteen = new Date(`${addToDate(birthDate, 18)}T00:00:00Z`);
  return new Date(eighteen.getTime() - 86_400_000).toISOString().slice(0, 10);
}
