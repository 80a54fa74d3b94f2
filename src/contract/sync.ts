import { z } from 'zod';
import { safeDateTime, safeText } from './text';

/** What the server keeps per person and the client mirrors in IndexedDB, one table each. */
export const ENTITIES = [
  'profile',
  'settings',
  'case',
  'step',
  'offer',
  'notification',
  'feedback_request',
  'mandate',
  'data_use',
] as const;
export const Entity = z.enum(ENTITIES);
export type Entity = z.infer<typeof Entity>;

/** One row's new state (`put`, with the row) or its removal (`delete`, a tombstone). */
export const Change = z.discriminatedUnion('op', [
  z.object({ entity: Entity, id: safeText().min(1), op: z.literal('put'), data: z.record(safeText(), z.unknown()) }),
  z.object({ entity: Entity, id: safeText().min(1), op: z.literal('delete') }),
]);
export type Change = z.infer<typeof Change>;

/** GET /api/sync?cursor= : a page of changes after the cursor; `more` asks for the next page at once. */
export const SyncPage = z.object({
  changes: z.array(Change),
  cursor: safeText().min(1),
  more: z.boolean(),
});
export type SyncPage = z.infer<typeof SyncPage>;

export const Mutation = z.object({
  id: z.uuid(),
  type: safeText().min(1).max(64),
  payload: z.unknown(),
  createdAt: safeDateTime(),
  /** Whose data it changes (their person id) when the sender acts for someone under a mandate; absent: their own. */
  subject: z.uuid().optional(),
});
export type Mutation = z.infer<typeof Mutation>;

/** POST /api/mutations: applied in order, each exactly once (the id is the idempotency key). */
export const MutationBatch = z.object({ mutations: z.array(Mutation).min(1).max(100) });
export type MutationBatch = z.infer<typeof MutationBatch>;

export const MutationStatus = z.enum(['applied', 'duplicate', 'rejected']);
export type MutationStatus = z.infer<typeof MutationStatus>;

/** Per mutation: applied now, applied before (`duplicate`), or refused with a code of src/contract/mutations.ts. */
export const MutationResult = z.discriminatedUnion('status', [
  z.object({ id: safeText(), status: z.enum(['applied', 'duplicate']) }),
  /** `code` is stable and translated by the client (e.g. `offer_expired`); `message` is for logs. */
  z.object({
    id: safeText(),
    status: z.literal('rejected'),
    code: safeText().min(1),
    message: safeText().optional(),
    /** For `field_invalid`: the key of the field refused. */
    field: safeText().optional(),
  }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const MutationResponse = z.object({ results: z.array(MutationResult) });
export type MutationResponse = z.infer<typeof MutationResponse>;
