import { DataUsedEvent, type DataUsedResult } from '../../contract/agency-events';
import { defineAgencyEventHandler } from '../agency/events';
import type { Queryable } from '../db/database';
import { raw, sql, toQuery } from '../db/sql';
import { ApiError } from '../errors';
import { inSlice, planSlices, SLICE_PEOPLE, type Slice } from '../offers/cohort';
import { recordChangesSql } from '../sync/changes';
import { categoryName, isAgencysPurpose, isDataCategory, isRegister, purposeName, registerName } from './catalogue';
import { dataUseJson } from './rows';

const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * `data.used`: an agency tells which data of a person (or of everyone born in a range) it used, why and
 * under which law. Refused with 422, writing nothing: a register, category or sub-service not in the
 * catalogues, a purpose that is not the agency's own, a use in the future. One entry per person who
 * uses the service, set-based: a cohort in slices of people by id, each one statement in a transaction
 * of its own (a crash midway leaves the event unanswered; sent again, it writes the rest, and counts
 * those). A person named who does not use the service is skipped and counted.
 */
export const dataUsed = defineAgencyEventHandler({
  schema: DataUsedEvent,
  async handle(tx, ctx, event): Promise<DataUsedResult> {
    await checkUse(tx, ctx.agencyId, ctx.receivedAt, event);
    return recordAgencyUse(tx, ctx.agencyId, event);
  },
  large: {
    applies: (event) => event.cohort !== undefined,
    check: (ctx, event, db) => checkUse(db, ctx.agencyId, ctx.receivedAt, event),
    async handle(db, ctx, event): Promise<DataUsedResult> {
      const { bornFrom, bornTo } = event.cohort!;
      let recorded = 0;
      for (const slice of await planSlices(db, bornFrom, bornTo, SLICE_PEOPLE)) {
        const done = await db.transaction((tx) => recordAgencyUse(tx, ctx.agencyId, event, slice));
        recorded += done.recorded;
      }
      return { recorded, skipped: 0 };
    },
  },
});

async function checkUse(db: Queryable, agencyId: string, receivedAt: Date, event: DataUsedEvent) {
  if (!isRegister(event.register)) {
    throw new ApiError(422, 'unknown_register', `No register ${event.register} in the catalogue`);
  }
  const unknown = event.categories.find((code) => !isDataCategory(code));
  if (unknown) throw new ApiError(422, 'unknown_category', `No data category ${unknown} in the catalogue`);
  if (!isAgencysPurpose(event.purpose.code, agencyId)) {
    throw new ApiError(422, 'purpose_not_allowed', `Purpose ${event.purpose.code} is not one of ${agencyId}'s`);
  }
  if (Date.parse(event.occurredAt) > receivedAt.getTime() + CLOCK_SKEW_MS) {
    throw new ApiError(422, 'occurred_in_future', `occurredAt ${event.occurredAt} is in the future`);
  }
  const sub = event.subServiceId ?? null;
  if (sub) {
    const { rows } = await db.query('SELECT 1 FROM sub_services WHERE id = $1', [sub]);
    if (!rows[0]) throw new ApiError(422, 'unknown_sub_service', `No sub-service ${sub} in the catalogue`);
  }
}

/** Writes the entries of a checked `data.used` event (of a cohort, those in `slice`) and their change-log rows: one statement. */
export async function recordAgencyUse(
  tx: Queryable,
  agencyId: string,
  event: DataUsedEvent,
  slice?: Slice,
): Promise<DataUsedResult> {
  const sub = event.subServiceId ?? null;
  const categories = event.categories.map((code) => ({ code, name: categoryName(code) }));
  const target = event.personalCode
    ? sql`p.personal_code = ${event.personalCode}`
    : sql`p.facts->>'birthDate' BETWEEN ${event.cohort!.bornFrom} AND ${event.cohort!.bornTo}
        ${slice ? inSlice(slice) : raw('')}`;
  const served = sub
    ? sql`(SELECT o.id FROM offers o WHERE o.person_id = p.id AND o.sub_service_id = ${sub}
              ORDER BY o.created_at DESC LIMIT 1),
            (SELECT s.id FROM steps s JOIN cases c ON c.id = s.case_id WHERE s.person_id = p.id
              AND s.sub_service_id = ${sub} ORDER BY c.started_at DESC LIMIT 1)`
    : raw('NULL::uuid, NULL::uuid');
  const statement = sql`WITH made AS (
        INSERT INTO data_uses (person_id, source, agency_id, unit, agency_event_id, register, register_name,
          categories, purpose_code, purpose, purpose_text, legal_basis, legal_url, sub_service_id, offer_id,
          step_id, used_at)
        SELECT p.id, 'agency', ${agencyId}::text, ${event.unit ?? null}::text, ${event.id}::text,
          ${event.register}::text, ${registerName(event.register)}::jsonb, ${JSON.stringify(categories)}::jsonb,
          ${event.purpose.code}::text, ${purposeName(event.purpose.code)}::jsonb,
          ${event.purpose.text ? JSON.stringify(event.purpose.text) : null}::jsonb,
          ${event.legalBasis.text}::jsonb, ${event.legalBasis.url}::text, ${sub}::text, ${served},
          ${event.occurredAt}::timestamptz
        FROM persons p WHERE ${target} ORDER BY p.id
        ON CONFLICT (person_id, agency_id, agency_event_id, rule_id) DO NOTHING
        RETURNING *
      ),
      ${raw(
        recordChangesSql(`SELECT m.person_id, 'data_use' AS entity, m.id::text AS entity_id, 'put' AS op,
         ${dataUseJson('m')} AS data, 1 AS rank FROM made m`),
      )}
      SELECT count(*) AS recorded FROM recorded`;
  const { rows } = await tx.query<{ recorded: string }>(...toQuery(statement));
  const recorded = Number(rows[0].recorded);
  return { recorded, skipped: event.personalCode && recorded === 0 ? 1 : 0 };
}
