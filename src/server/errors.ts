import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { RejectionCode } from '../contract/mutations';

/** An error the API answers with as `{error:{code,message}}` and its status. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Thrown by a mutation's handler to refuse it; its transaction rolls back, so nothing is written. */
export class MutationRejected extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
    /** For `field_invalid`: the key of the field refused. */
    readonly field?: string,
  ) {
    super(message);
  }
}
