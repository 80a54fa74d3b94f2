import {
  isMutationType,
  MUTATION_PAYLOADS,
  type MutationPayloads,
  type MutationType,
  type RejectionCode,
} from '../../contract/mutations';
import type { Mutation, MutationResult } from '../../contract/sync';
import type { SessionPerson } from '../auth/context';
import type { Database, Queryable } from '../db/database';
import { ApiError, MutationRejected } from '../errors';
import type { Logger } from '../log';
import { actingSubject } from '../mandates/access';

/**
 * Applies one type's change for `person` (the subject, whose data it is) inside `tx`; `actor` is who sent
 * it (the same person unless acting under a mandate). Every changed row must be recorded with recordChange.
 */
export type MutationHandler<T extends MutationType> = (
  tx: Queryable,
  person: SessionPerson,
  payload: MutationPayloads[T],
  actor: SessionPerson,
) => Promise<void>;

/** A handler for every type of the contract (src/contract/mutations.ts): one missing does not typecheck. */
export type MutationHandlers = { [T in MutationType]: MutationHandler<T> };

/** A database error's SQLSTATE, when it is one (pg and PGlite both put it in `code`). */
function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^([0-9]{2}|F0|HV|P0|XX)[0-9A-Z]{3}$/.test(code) ? code : undefined;
}

/** Deadlock or serialisation failure: the same mutation again is likely to go through. */
const isTransient = (error: unknown) => sqlState(error)?.startsWith('40') ?? false;

/** The database is not there (connection lost, shutting down, out of resources): nothing was decided. */
function isUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  if (state) return /^(08|53|57)/.test(state);
  const e = error as { errno?: unknown; syscall?: unknown; message?: unknown } | null;
  return (
    e?.errno !== undefined ||
    e?.syscall !== undefined ||
    /connection (terminated|timeout)|timeout exceeded when trying to connect|pool.*(ended|closed)/i.test(
      String(e?.message ?? ''),
    )
  );
}

const TRANSIENT_TRIES = 4;

/**
 * Applies one mutation exactly once: the id is claimed in the same transaction as the change, so a
 * repeat (a retry after a lost response, or two tabs sending at once) finds it and writes nothing.
 * A rejection rolls everything back and is not remembered: the same mutation sent again is judged again.
 *
 * Whatever goes wrong stays inside this mutation's own transaction and becomes its `rejected` result
 * with a code: a deadlock or serialisation failure is tried again a few times (then `busy`), any other
 * error is `server_error`. Only a database that cannot be reached throws (an ApiError 503), because
 * then nothing was decided and the client should send the batch again later.
 */
export async function applyMutation(
  db: Database,
  handlers: MutationHandlers,
  person: SessionPerson,
  mutation: Mutation,
  log?: Logger,
): Promise<MutationResult> {
  const { type } = mutation;
  if (!isMutationType(type)) return rejected(mutation, 'unknown_type', `Unknown mutation type ${type}`);
  return applyTyped(db, handlers, type, person, mutation, log);
}

async function applyTyped<T extends MutationType>(
  db: Database,
  handlers: MutationHandlers,
  type: T,
  person: SessionPerson,
  mutation: Mutation,
  log?: Logger,
): Promise<MutationResult> {
  const handler: MutationHandler<T> = handlers[type];
  const parsed = MUTATION_PAYLOADS[type].safeParse(mutation.payload);
  if (!parsed.success)
    return rejected(mutation, 'invalid_payload', parsed.error.issues[0]?.message ?? 'Invalid payload');
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        // The subject's row first, in the mode that leaves key-share locks (foreign keys) alone: every
        // writer of a person's data takes it before any other row, so two writers never wait in a circle.
        const subjectId = mutation.subject ?? person.id;
        await tx.query('SELECT 1 FROM persons WHERE id = $1 FOR NO KEY UPDATE', [subjectId]);
        const repeat = await repeatOf(tx, mutation.id, subjectId, person.id);
        if (repeat) return repeat;
        // Under a mandate, by the mandate that holds now, when the change is applied (not when it was queued).
        const subject =
          subjectId === person.id ? person : await actingSubject(tx, person, subjectId, type, parsed.data);
        const claim = await tx.query(
          `INSERT INTO applied_mutations (id, person_id, actor_id, type, status) VALUES ($1, $2, $3, $4, 'applied')
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [mutation.id, subject.id, subject.id === person.id ? null : person.id, mutation.type],
        );
        if (claim.rows.length === 0) return (await repeatOf(tx, mutation.id, subjectId, person.id))!;
        await handler(tx, subject, parsed.data, person);
        return { id: mutation.id, status: 'applied' as const };
      });
    } catch (error) {
      if (error instanceof MutationRejected) return rejected(mutation, error.code, error.message, error.field);
      if (isTransient(error) && attempt < TRANSIENT_TRIES) {
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt * (1 + Math.random())));
        continue;
      }
      log?.error({ err: error, mutation: mutation.id, type: mutation.type }, 'mutation failed');
      if (isTransient(error)) return rejected(mutation, 'busy', 'The change could not be saved now');
      if (isUnavailable(error))
        throw new ApiError(503, 'unavailable', 'The database is not available. Try again later.');
      return rejected(mutation, 'server_error', 'The change could not be saved');
    }
  }
}

/**
 * A mutation id applied before: `duplicate` when the same actor sent it for the same subject, else
 * `id_conflict` (someone else's id). Undefined when the id is new.
 */
async function repeatOf(
  tx: Queryable,
  id: string,
  subjectId: string,
  actorId: string,
): Promise<MutationResult | undefined> {
  const { rows } = await tx.query<{ person_id: string; actor_id: string | null }>(
    'SELECT person_id, actor_id FROM applied_mutations WHERE id = $1',
    [id],
  );
  if (!rows[0]) return undefined;
  if (rows[0].person_id !== subjectId || (rows[0].actor_id ?? rows[0].person_id) !== actorId) {
    throw new MutationRejected('id_conflict', 'Mutation id already used');
  }
  return { id, status: 'duplicate' };
}

function rejected(mutation: Mutation, code: RejectionCode, message: string, field?: string): MutationResult {
  return { id: mutation.id, status: 'rejected', code, message, ...(field ? { field } : {}) };
}
