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
import { MutationRejected } from '../errors';

/** Applies one type's change for `person` inside `tx`; every changed row must be recorded with recordChange. */
export type MutationHandler<T extends MutationType> = (
  tx: Queryable,
  person: SessionPerson,
  payload: MutationPayloads[T],
) => Promise<void>;

/** A handler for every type of the contract (src/contract/mutations.ts): one missing does not typecheck. */
export type MutationHandlers = { [T in MutationType]: MutationHandler<T> };

/**
 * Applies one mutation exactly once: the id is claimed in the same transaction as the change, so a
 * repeat (a retry after a lost response, or two tabs sending at once) finds it and writes nothing.
 * A rejection rolls everything back and is not remembered: the same mutation sent again is judged again.
 */
export async function applyMutation(
  db: Database,
  handlers: MutationHandlers,
  person: SessionPerson,
  mutation: Mutation,
): Promise<MutationResult> {
  const { type } = mutation;
  if (!isMutationType(type)) return rejected(mutation, 'unknown_type', `Unknown mutation type ${type}`);
  return applyTyped(db, handlers, type, person, mutation);
}

async function applyTyped<T extends MutationType>(
  db: Database,
  handlers: MutationHandlers,
  type: T,
  person: SessionPerson,
  mutation: Mutation,
): Promise<MutationResult> {
  const handler: MutationHandler<T> = handlers[type];
  const parsed = MUTATION_PAYLOADS[type].safeParse(mutation.payload);
  if (!parsed.success)
    return rejected(mutation, 'invalid_payload', parsed.error.issues[0]?.message ?? 'Invalid payload');
  try {
    return await db.transaction(async (tx) => {
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
    if (error instanceof MutationRejected) return rejected(mutation, error.code, error.message);
    throw error;
  }
}

function rejected(mutation: Mutation, code: RejectionCode, message: string): MutationResult {
  return { id: mutation.id, status: 'rejected', code, message };
}

/** Forgets mutation ids older than the retention (at least 30 days, so a week offline is safe). */
export async function pruneAppliedMutations(db: Queryable, days = 45): Promise<void> {
  await db.query(`DELETE FROM applied_mutations WHERE applied_at < now() - make_interval(days => $1)`, [days]);
}
