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

/** Applies one type's change for `person` inside `tx`; every changed row must be recorded with recordChange. */
export type MutationHandler<T extends MutationType> = (
  tx: Queryable,
  person: SessionPerson,
  payload: MutationPayloads[T],
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
        // The person's row first, in the mode that leaves key-share locks (foreign keys) alone: every
        // writer of a person's data takes it before any other row, so two writers never wait in a circle.
        await tx.query('SELECT 1 FROM persons WHERE id = $1 FOR NO KEY UPDATE', [person.id]);
        const claim = await tx.query<{ person_id: string }>(
          `INSERT INTO applied_mutations (id, person_id, type, status) VALUES ($1, $2, $3, 'applied')
           ON CONFLICT (id) DO NOTHING RETURNING person_id`,
          [mutation.id, person.id, mutation.type],
        );
        if (claim.rows.length === 0) {
          const { rows } = await tx.query<{ person_id: string }>(
            'SELECT person_id FROM applied_mutations WHERE id = $1',
            [mutation.id],
          );
          if (rows[0]?.person_id !== person.id) throw new MutationRejected('id_conflict', 'Mutation id already used');
          return { id: mutation.id, status: 'duplicate' as const };
        }
        await handler(tx, person, parsed.data);
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

function rejected(mutation: Mutation, code: RejectionCode, message: string, field?: string): MutationResult {
  return { id: mutation.id, status: 'rejected', code, message, ...(field ? { field } : {}) };
}
