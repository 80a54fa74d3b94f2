import { ROW_SCHEMAS } from '../contract/rows';
import { type Entity, SyncPage } from '../contract/sync';

export interface SkippedRow {
  entity: Entity;
  id: string;
  at: string;
}

/** A page of changes as the server sent it, checked: the rows that match their schema, and those left out. */
export interface CheckedPage {
  page: SyncPage;
  skipped: (SkippedRow & { issues: unknown })[];
}

/**
 * Checks a sync page against the contract: its shape (throws when it is not a page at all), then each row
 * against its entity's schema, leaving out the rows that do not match (never stored for a screen to trip
 * over). Runs in the sync worker (sync-check.worker.ts), or on the main thread where there is none.
 */
export function checkPage(body: unknown): CheckedPage {
  const parsed = SyncPage.parse(body);
  const at = new Date().toISOString();
  const skipped: CheckedPage['skipped'] = [];
  const changes = parsed.changes.filter((change) => {
    if (change.op === 'delete') return true;
    const row = ROW_SCHEMAS[change.entity].safeParse({ ...change.data, id: change.id });
    if (!row.success) skipped.push({ entity: change.entity, id: change.id, at, issues: row.error.issues });
    return row.success;
  });
  return { page: { ...parsed, changes }, skipped };
}
