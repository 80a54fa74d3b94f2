import { ApiError } from '../errors';

const PREFIX = 'c1.';

/** The cursor is opaque to clients: a versioned wrapper around the person's change counter. */
export function encodeCursor(seq: number): string {
  return PREFIX + Buffer.from(String(seq)).toString('base64url');
}

/** The change counter a cursor stands for; no cursor is 0 (a full snapshot); anything malformed is a 400. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const body = cursor.startsWith(PREFIX) ? Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString() : '';
  if (!/^(0|[1-9]\d{0,15})$/.test(body)) throw new ApiError(400, 'bad_cursor', 'The sync cursor is not valid');
  return Number(body);
}
