import { CustodyChangedEvent, GuardianshipChangedEvent, type MandateEventResult } from '../../contract/agency-events';
import { tallinnDate } from '../../contract/dates';
import { NO_END_DATE } from '../../contract/mandates';
import { type AgencyEventContext, defineAgencyEventHandler } from '../agency/events';
import type { Queryable } from '../db/database';
import { ApiError } from '../errors';
import { checkNotFuture } from '../registers/events';
import { parentalRightsUntil, setRegisterMandates } from './store';

/**
 * Register events that say who holds a mandate: custody (the population register) and guardianship
 * (a court). Only that keeper's key may post them, whatever the key's scopes.
 */
const KEEPERS = {
  'population.custody_changed': 'siseministeerium',
  'court.guardianship_changed': 'maakohus',
} as const;

function checkKeeper(type: keyof typeof KEEPERS, ctx: AgencyEventContext) {
  if (ctx.agencyId !== KEEPERS[type])
    throw new ApiError(403, 'out_of_scope', `${type} events come from ${KEEPERS[type]}`);
}

/** The subject (child or ward) and those of `holders` who use the service, locked for the event in id order. */
async function lockPeople(tx: Queryable, subjectCode: string, holders: string[]) {
  const { rows } = await tx.query<{ id: string; personal_code: string }>(
    'SELECT id, personal_code FROM persons WHERE personal_code = ANY($1::text[]) ORDER BY id FOR UPDATE',
    [[subjectCode, ...holders]],
  );
  const subject = rows.find((r) => r.personal_code === subjectCode);
  if (!subject) throw new ApiError(404, 'unknown_person', 'No person with this personal code uses the service');
  return { subject, holderIds: rows.filter((r) => r.personal_code !== subjectCode).map((r) => r.id) };
}

export const custodyChanged = defineAgencyEventHandler({
  schema: CustodyChangedEvent,
  async handle(tx, ctx, event: CustodyChangedEvent): Promise<MandateEventResult> {
    checkKeeper(event.type, ctx);
    checkNotFuture(event.occurredAt, ctx);
    const { subject, holderIds } = await lockPeople(tx, event.child, event.parents);
    const validUntil = await parentalRightsUntil(tx, subject.id, subject.personal_code);
    if (validUntil < tallinnDate(ctx.receivedAt)) {
      throw new ApiError(422, 'not_a_minor', 'The child is 18 or older: there is no custody to change');
    }
    const ended = await setRegisterMandates(
      tx,
      { kind: 'parent', subjectId: subject.id, actorIds: holderIds, validUntil, eventId: event.id },
      ctx.receivedAt,
    );
    return { holders: holderIds.length, ended };
  },
});

export const guardianshipChanged = defineAgencyEventHandler({
  schema: GuardianshipChangedEvent,
  async handle(tx, ctx, event: GuardianshipChangedEvent): Promise<MandateEventResult> {
    checkKeeper(event.type, ctx);
    checkNotFuture(event.occurredAt, ctx);
    if (event.until && event.until < tallinnDate(ctx.receivedAt)) {
      throw new ApiError(422, 'end_in_past', 'The appointment has already ended');
    }
    const { subject, holderIds } = await lockPeople(tx, event.ward, event.guardians);
    const ended = await setRegisterMandates(
      tx,
      {
        kind: 'guardian',
        subjectId: subject.id,
        actorIds: holderIds,
        validUntil: event.until ?? NO_END_DATE,
        eventId: event.id,
      },
      ctx.receivedAt,
    );
    return { holders: holderIds.length, ended };
  },
});

export const mandateEventHandlers = {
  'population.custody_changed': custodyChanged,
  'court.guardianship_changed': guardianshipChanged,
};
