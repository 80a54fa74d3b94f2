import type { Localized } from '../../contract/i18n';
import type { Queryable } from '../db/database';
import { scheduleFeedback } from '../feedback/requests';
import { createNotification } from '../notifications/store';
import { loadOfferRow } from '../offers/rows';
import { recordChange } from '../sync/changes';
import type { StepChanged } from './store';

/**
 * What follows when an agency (or a rule) moves a step: the person hears about it, and a completed
 * service brings a feedback question a little later. Runs in the same transaction as the change.
 */
export async function afterStepChanged(tx: Queryable, changed: StepChanged, reason: Localized): Promise<void> {
  if (changed.from === changed.to) return;
  const { rows } = await tx.query<{
    person_id: string;
    sub_service_id: string;
    agency_id: string;
    event_service_id: string;
    name: Localized;
  }>(
    `SELECT s.person_id, s.sub_service_id, s.agency_id, c.event_service_id, ss.name
     FROM steps s JOIN cases c ON c.id = s.case_id JOIN sub_services ss ON ss.id = s.sub_service_id
     WHERE s.id = $1`,
    [changed.stepId],
  );
  const step = rows[0];
  await createNotification(tx, step.person_id, {
    topic: changed.to === 'action_needed' ? 'deadline' : 'status',
    title: step.name,
    body: reason,
    link: `/events/${changed.caseId}`,
  });
  if (['completed', 'declined', 'not_applicable'].includes(changed.to)) {
    // The agency settled the step itself: an offer still open on it is granted (or lapses) with it.
    const { rows: offers } = await tx.query<{ id: string }>(
      `UPDATE offers SET status = $2, decided_at = now() WHERE step_id = $1 AND status = 'pending' RETURNING id`,
      [changed.stepId, changed.to === 'completed' ? 'granted' : 'expired'],
    );
    for (const offer of offers)
      await recordChange(tx, step.person_id, 'offer', offer.id, await loadOfferRow(tx, offer.id));
  }
  if (changed.to === 'completed') {
    await scheduleFeedback(tx, {
      personId: step.person_id,
      stepId: changed.stepId,
      subServiceId: step.sub_service_id,
      agencyId: step.agency_id,
      eventServiceId: step.event_service_id,
    });
  }
}
