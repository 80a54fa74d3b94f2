import { tallinnDate } from '../../contract/dates';
import { type MandateScope, mandateHolds } from '../../contract/mandates';
import { ACTS_FOR_SUBJECT, type MutationType } from '../../contract/mutations';
import type { SessionPerson } from '../auth/context';
import type { Queryable } from '../db/database';
import { ApiError, MutationRejected } from '../errors';

/**
 * What the signed-in person (the actor) may do for a subject, by the mandates that hold at the moment
 * of asking: always decided inside the transaction that reads or writes, never taken from the client.
 */
export interface SubjectAccess {
  subject: SessionPerson;
  /** Event services the actor may see; null: all. */
  view: Set<string> | null;
  /** Event services the actor may act on; null: all; empty: none (view only). */
  act: Set<string> | null;
}

interface HeldRow {
  scope: MandateScope;
  services: string[] | null;
  status: 'active' | 'revoked' | 'declined' | 'removed';
  valid_until: string;
}

const union = (sets: (string[] | null)[]): Set<string> | null =>
  sets.some((s) => s === null) ? null : new Set(sets.flatMap((s) => s ?? []));

/**
 * The actor's access to `subjectId` now: `{access}` when a mandate holds, `{ended: true}` when one
 * existed but none holds any more (revoked, declined, expired, rights removed, the child turned 18),
 * `{}` when there never was one. Locks the mandate rows (shared), so an end committed concurrently
 * waits for, or is seen by, the write that relies on them.
 */
export async function subjectAccess(
  tx: Queryable,
  actorId: string,
  subjectId: string,
  now = new Date(),
): Promise<{ access?: SubjectAccess; ended?: true }> {
  const { rows } = await tx.query<HeldRow>(
    `SELECT scope, services, status, to_char(valid_until, 'YYYY-MM-DD') AS valid_until FROM mandates
     WHERE actor_id = $1 AND subject_id = $2 FOR SHARE`,
    [actorId, subjectId],
  );
  if (rows.length === 0) return {};
  const today = tallinnDate(now);
  const holding = rows.filter((r) => mandateHolds({ status: r.status, validUntil: r.valid_until }, today));
  if (holding.length === 0) return { ended: true };
  const { rows: people } = await tx.query<SessionPerson>(
    `SELECT id, personal_code AS "personalCode", given_name AS "givenName", family_name AS "familyName",
            preferred_language AS "preferredLanguage" FROM persons WHERE id = $1`,
    [subjectId],
  );
  const acting = holding.filter((r) => r.scope === 'act');
  return {
    access: {
      subject: people[0],
      view: union(holding.map((r) => r.services)),
      act: acting.length === 0 ? new Set() : union(acting.map((r) => r.services)),
    },
  };
}

/** For a read route: the subject the request names (`?subject=`), or 404 when the actor may not see them. */
export async function readableSubject(
  tx: Queryable,
  actor: SessionPerson,
  subjectId: string | undefined,
): Promise<SubjectAccess> {
  if (subjectId === undefined || subjectId === actor.id) return { subject: actor, view: null, act: null };
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(subjectId);
  const { access } = uuid ? await subjectAccess(tx, actor.id, subjectId) : {};
  if (!access) throw new ApiError(404, 'not_found', 'No one to show');
  return access;
}

/**
 * Where the row a mutation is about lives, and its id: offers, feedback requests and data uses name
 * their service (a data use may name none).
 */
function targetOf(
  type: MutationType,
  payload: unknown,
): { table: 'offers' | 'feedback_requests' | 'data_uses'; id: string } | null {
  const p = payload as Partial<Record<'offerId' | 'requestId' | 'dataUseId', string>>;
  if ((type.startsWith('offer.') || type === 'duty.confirm') && p.offerId) return { table: 'offers', id: p.offerId };
  if (type.startsWith('feedback.') && p.requestId) return { table: 'feedback_requests', id: p.requestId };
  if (type === 'data_use.ask' && p.dataUseId) return { table: 'data_uses', id: p.dataUseId };
  return null;
}

/**
 * For a mutation sent for `subjectId`: the subject to apply it as, or a refusal — `not_found` (no
 * mandate ever), `mandate_revoked` (none holds now), `mandate_scope` (view only, a type only the person
 * may send, or a service outside the mandate; a message, or a data use, that names no service needs all
 * services).
 */
export async function actingSubject(
  tx: Queryable,
  actor: SessionPerson,
  subjectId: string,
  type: MutationType,
  payload: unknown,
): Promise<SessionPerson> {
  const { access, ended } = await subjectAccess(tx, actor.id, subjectId);
  if (ended) throw new MutationRejected('mandate_revoked', 'The right to act for this person has ended');
  if (!access) throw new MutationRejected('not_found', 'No such person to act for');
  if (!ACTS_FOR_SUBJECT.includes(type) || (access.act !== null && access.act.size === 0)) {
    throw new MutationRejected('mandate_scope', 'You may not do this for this person');
  }
  if (access.act !== null) {
    const target = targetOf(type, payload);
    if (!target) throw new MutationRejected('mandate_scope', 'This is outside the services of the mandate');
    const { rows } = await tx.query<{ event_service_id: string | null }>(
      `SELECT s.event_service_id FROM ${target.table} t LEFT JOIN sub_services s ON s.id = t.sub_service_id
       WHERE t.id = $1 AND t.person_id = $2`,
      [target.id, subjectId],
    );
    if (!rows[0]) throw new MutationRejected('not_found', 'Nothing of this person to change');
    if (rows[0].event_service_id === null || !access.act.has(rows[0].event_service_id)) {
      throw new MutationRejected('mandate_scope', 'This service is outside the mandate');
    }
  }
  return access.subject;
}
