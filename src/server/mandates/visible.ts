import type { Change, Entity, SyncPage } from '../../contract/sync';
import type { Queryable } from '../db/database';
import type { SubjectAccess } from './access';

/**
 * What of a subject's change log a person acting for them is sent: their services' rows and the uses of
 * their data, never their settings or mandates.
 */
const SHARED: ReadonlySet<Entity> = new Set(['case', 'step', 'offer', 'notification', 'feedback_request', 'data_use']);

/**
 * A page of the subject's changes cut to what the actor may see: with a mandate for chosen services only
 * the rows of those services (cases, steps, offers, feedback requests, the data uses that served one
 * of them; messages, and data uses that served no service, name none, so none). The cursor is the subject's as it is: rows left out are never sent later either.
 */
export async function visiblePage(db: Queryable, access: SubjectAccess, page: SyncPage): Promise<SyncPage> {
  const view = access.view;
  let serviceOfSub = new Map<string, string>();
  if (view !== null) {
    const { rows } = await db.query<{ id: string; event_service_id: string }>(
      'SELECT id, event_service_id FROM sub_services',
    );
    serviceOfSub = new Map(rows.map((r) => [r.id, r.event_service_id]));
  }
  const serviceOf = (change: Change & { op: 'put' }): string | undefined => {
    const data = change.data as Record<string, unknown>;
    if (change.entity === 'step' || change.entity === 'data_use') return serviceOfSub.get(String(data.subServiceId));
    if (change.entity === 'notification') return undefined;
    return typeof data.eventServiceId === 'string' ? data.eventServiceId : undefined;
  };
  const changes = page.changes.filter((change) => {
    if (!SHARED.has(change.entity)) return false;
    if (view === null || change.op === 'delete') return true;
    const service = serviceOf(change);
    return service !== undefined && view.has(service);
  });
  return { ...page, changes };
}
