import { CSRF_HEADER, CSRF_VALUE } from '../contract/http';

/**
 * An answer from the API that is not a success; `code` is the API's error code when it gave one, and
 * `retryAfterSeconds` its Retry-After (a busy server's "try again in so many seconds").
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Retry-After in seconds (the API sends no dates), at most an hour; undefined when absent or not a number. */
function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  const seconds = header === null || header.trim() === '' ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 3600) : undefined;
}

/** Thrown when the network itself failed (offline, DNS, reset): worth retrying later. */
export class NetworkError extends Error {}

export type Fetch = typeof fetch;

/** JSON over the API with the session cookie and the CSRF header; throws ApiError or NetworkError. */
export async function apiJson<T>(
  fetchImpl: Fetch,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        [CSRF_HEADER]: CSRF_VALUE,
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `HTTP ${response.status}`,
      retryAfter(response),
    );
  }
  return body as T;
}
