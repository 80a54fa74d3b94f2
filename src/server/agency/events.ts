import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AgencyEventEnvelope, type AgencyEventResponse } from '../../contract/agency-events';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../errors';
import type { AgencyKey } from './keys';

/**
 * Receiving agency events: one handler per event type, each with the schema of its body. The
 * framework checks the envelope, the key's scope for the type, the body, and idempotency; the
 * handler checks everything about the content (agency scope of the sub-service, the person, the
 * transition) and throws an ApiError to refuse. One transaction: a refused event writes nothing.
 */

export interface AgencyEventContext {
  agencyId: string;
  keyId: string;
  receivedAt: Date;
}

export interface AgencyEventHandler<E> {
  schema: z.ZodType<E>;
  /** Applies the event inside `tx` and answers the result the agency gets back (also on a repeat). */
  handle(tx: Queryable, ctx: AgencyEventContext, event: E): Promise<Record<string, unknown>>;
  /**
   * Events too large for one transaction (a cohort of a million people), when `applies` says so: the
   * event is checked (refusals throw an ApiError, writing nothing), claimed, then handled by `handle`
   * in transactions of its own, each idempotent. A crash midway leaves the event claimed without an
   * answer; the agency's retry runs it again and finishes it.
   */
  large?: {
    applies(event: E): boolean;
    /** May read the database (`db`, outside any transaction), never write to it. */
    check(ctx: AgencyEventContext, event: E, db: Queryable): void | Promise<void>;
    handle(db: Database, ctx: AgencyEventContext, event: E): Promise<Record<string, unknown>>;
  };
}

/**
 * A handler with its event type closed over, so handlers of different types share one record: the
 * event it parses is the event it handles.
 */
export interface RegisteredAgencyEventHandler {
  parse(body: unknown): { error: z.ZodError } | { event: ParsedAgencyEvent };
}

interface ParsedAgencyEvent {
  data: unknown;
  handle(tx: Queryable, ctx: AgencyEventContext): Promise<Record<string, unknown>>;
  large?: {
    check(ctx: AgencyEventContext, db: Queryable): void | Promise<void>;
    handle(db: Database, ctx: AgencyEventContext): Promise<Record<string, unknown>>;
  };
}

export type AgencyEventHandlers = Record<string, RegisteredAgencyEventHandler>;

export function defineAgencyEventHandler<E>(handler: AgencyEventHandler<E>): RegisteredAgencyEventHandler {
  return {
    parse(body) {
      const parsed = handler.schema.safeParse(body);
      if (!parsed.success) return { error: parsed.error };
      const data = parsed.data;
      const large = handler.large?.applies(data) ? handler.large : undefined;
      return {
        event: {
          data,
          handle: (tx, ctx) => handler.handle(tx, ctx, data),
          large: large && {
            check: (ctx, db) => large.check(ctx, data, db),
            handle: (db, ctx) => large.handle(db, ctx, data),
          },
        },
      };
    },
  };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid event';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** JSON with keys sorted at every level: the same event hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function receiveAgencyEvent(
  db: Database,
  handlers: AgencyEventHandlers,
  key: AgencyKey,
  body: unknown,
): Promise<AgencyEventResponse> {
  const envelope = AgencyEventEnvelope.safeParse(body);
  if (!envelope.success) throw new ApiError(400, 'invalid_event', describeIssue(envelope.error));
  const { id, type } = envelope.data;
  const handler = Object.hasOwn(handlers, type) ? handlers[type] : undefined;
  if (!handler) throw new ApiError(400, 'unknown_event_type', `Unknown event type ${type}`);
  if (!key.scopes.includes(type)) {
    throw new ApiError(403, 'event_type_not_allowed', `This key may not post ${type} events`);
  }
  const parsed = handler.parse(body);
  if ('error' in parsed) throw new ApiError(400, 'invalid_event', describeIssue(parsed.error));
  const { event } = parsed;
  const bodyHash = createHash('sha256').update(canonicalJson(event.data)).digest('hex');

  const large = event.large;
  const claimed = { key, id, type, bodyHash };
  if (large) {
    await large.check({ agencyId: key.agencyId, keyId: key.id, receivedAt: new Date() }, db);
    const claim = await db.transaction((tx) => claimEvent(tx, claimed));
    if ('response' in claim) return claim.response;
    const ctx = { agencyId: key.agencyId, keyId: key.id, receivedAt: claim.receivedAt };
    const result = await large.handle(db, ctx);
    return db.transaction((tx) => answerEvent(tx, claimed, claim.receivedAt, result));
  }
  return db.transaction(async (tx) => {
    const claim = await claimEvent(tx, claimed);
    if ('response' in claim) return claim.response;
    const result = await event.handle(tx, { agencyId: key.agencyId, keyId: key.id, receivedAt: claim.receivedAt });
    return answerEvent(tx, claimed, claim.receivedAt, result);
  });
}

interface Claimed {
  key: AgencyKey;
  id: string;
  type: string;
  bodyHash: string;
}

/**
 * Claims the event id for this body: a new event gets its time of receipt; a repeat gets the answer
 * given the first time, or, if the first run of a large event never finished, its time to run again.
 */
async function claimEvent(
  tx: Queryable,
  { key, id, type, bodyHash }: Claimed,
): Promise<{ receivedAt: Date } | { response: AgencyEventResponse }> {
  const claim = await tx.query<{ received_at: Date | string }>(
    `INSERT INTO agency_events (agency_id, event_id, type, body_hash, key_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (agency_id, event_id) DO NOTHING RETURNING received_at`,
    [key.agencyId, id, type, bodyHash, key.id],
  );
  if (claim.rows[0]) return { receivedAt: new Date(claim.rows[0].received_at) };
  const { rows } = await tx.query<{ body_hash: string; response: AgencyEventResponse | null; received_at: Date }>(
    'SELECT body_hash, response, received_at FROM agency_events WHERE agency_id = $1 AND event_id = $2',
    [key.agencyId, id],
  );
  if (rows[0]?.body_hash !== bodyHash) {
    throw new ApiError(409, 'event_id_reused', `Event ${id} was received before with a different body`);
  }
  if (rows[0].response === null) return { receivedAt: new Date(rows[0].received_at) };
  return { response: { ...rows[0].response, replayed: true } };
}

async function answerEvent(
  tx: Queryable,
  { key, id, type }: Claimed,
  receivedAt: Date,
  result: Record<string, unknown>,
): Promise<AgencyEventResponse> {
  const response: AgencyEventResponse = {
    eventId: id,
    type,
    receivedAt: receivedAt.toISOString(),
    replayed: false,
    result,
  };
  await tx.query('UPDATE agency_events SET response = $3 WHERE agency_id = $1 AND event_id = $2', [
    key.agencyId,
    id,
    response,
  ]);
  await tx.query('UPDATE agency_api_keys SET last_used_at = $2 WHERE id = $1', [key.id, receivedAt]);
  return response;
}
