import { ServiceStatusChangedEvent, type ServiceStatusChangedResult } from '../../contract/agency-events';
import { afterStepChanged } from '../cases/effects';
import { changeStep } from '../cases/store';
import { ApiError } from '../errors';
import { defineAgencyEventHandler } from './events';

/** How far in the future an event's occurredAt may be (clocks differ a little between systems). */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * `service.status_changed`: an agency moves one step of a person. Checked in this order, so that an
 * agency learns nothing about people outside its scope: the sub-service exists (422) and is the
 * agency's (403); the person exists (404) and has a case with that sub-service (404); the change is
 * not from the future (422), not older than the step's last change (409), a possible transition
 * (409) and, for `waiting`, on another step of the case (422).
 */
export const serviceStatusChanged = defineAgencyEventHandler({
  schema: ServiceStatusChangedEvent,
  async handle(tx, ctx, event): Promise<ServiceStatusChangedResult> {
    const { rows: subs } = await tx.query<{ agency_id: string }>('SELECT agency_id FROM sub_services WHERE id = $1', [
      event.subServiceId,
    ]);
    if (!subs[0])
      throw new ApiError(422, 'unknown_sub_service', `No sub-service ${event.subServiceId} in the catalogue`);
    if (subs[0].agency_id !== ctx.agencyId) {
      throw new ApiError(403, 'out_of_scope', `Sub-service ${event.subServiceId} is not provided by ${ctx.agencyId}`);
    }
    const occurredAt = new Date(event.occurredAt);
    if (occurredAt.getTime() > ctx.receivedAt.getTime() + CLOCK_SKEW_MS) {
      throw new ApiError(422, 'occurred_in_future', `occurredAt ${event.occurredAt} is in the future`);
    }
    const { rows: persons } = await tx.query<{ id: string }>('SELECT id FROM persons WHERE personal_code = $1', [
      event.personalCode,
    ]);
    if (!persons[0]) throw new ApiError(404, 'unknown_person', 'No person with this personal code uses the service');
    const { rows: steps } = await tx.query<{ id: string; case_id: string }>(
      `SELECT s.id, s.case_id FROM steps s JOIN cases c ON c.id = s.case_id
       WHERE s.person_id = $1 AND s.sub_service_id = $2 AND ($3::uuid IS NULL OR s.case_id = $3::uuid)
       ORDER BY c.state = 'active' DESC, c.started_at DESC LIMIT 1`,
      [persons[0].id, event.subServiceId, event.caseId ?? null],
    );
    if (!steps[0]) {
      throw new ApiError(
        404,
        'no_such_step',
        `The person has no ${event.caseId ? 'such case' : 'case'} with sub-service ${event.subServiceId}`,
      );
    }
    let waitingOnStepId: string | null = null;
    if (event.waitingOn) {
      const { rows } = await tx.query<{ id: string }>(
        'SELECT id FROM steps WHERE case_id = $1 AND sub_service_id = $2',
        [steps[0].case_id, event.waitingOn],
      );
      if (!rows[0]) {
        throw new ApiError(422, 'invalid_waiting_on', `The case has no step for sub-service ${event.waitingOn}`);
      }
      waitingOnStepId = rows[0].id;
    }
    const changed = await changeStep(tx, steps[0].id, {
      status: event.status,
      reason: event.reason,
      at: occurredAt,
      dueDate: event.dueDate ?? null,
      waitingOnStepId,
      actor: event.actor,
      agencyEventId: event.id,
    });
    await afterStepChanged(tx, changed, event.reason);
    return changed;
  },
});
