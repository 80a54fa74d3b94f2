import type { Localized } from '../../contract/i18n';
import type { OfferRow } from '../../contract/offers';
import type { Queryable } from '../db/database';
import { iso, isoOrNull } from '../db/timestamps';
import { renderFields, renderLocalized, type Vars } from '../rules/evaluate';
import { ruleById } from '../rules/index';
import type { Rule } from '../rules/schema';

/** Offers as the client sees them: read from the table and rendered from their rule and facts. */

interface OfferReadRow {
  id: string;
  rule_id: string;
  sub_service_id: string;
  event_service_id: string;
  agency_id: string;
  case_id: string | null;
  step_id: string | null;
  kind: OfferRow['kind'];
  status: OfferRow['status'];
  deadline: string;
  subject_name: string | null;
  vars: Vars | null;
  fields: StoredField[] | null;
  data_basis: Localized | null;
  legal_basis: Localized | null;
  declinable: boolean;
  created_at: Date | string;
  decided_at: Date | string | null;
  decided_by_given: string | null;
  decided_by_family: string | null;
  accepted_fields: Record<string, string> | null;
  decline_reason: string | null;
}

/** An offer's texts, rendered from its rule and the facts it keeps. */
function renderTexts(rule: Rule, vars: Vars) {
  return {
    fields: renderFields(rule, vars),
    dataBasis: renderLocalized(rule.dataBasis, vars),
    legalBasis: rule.legalBasis,
    legalBasisUrl: rule.legalBasisUrl,
  };
}

/** An older offer's fields, kept as they were made (before fields had types): text, sourced only when there is a value. */
type StoredField = Omit<OfferRow['fields'][number], 'type' | 'min' | 'max'>;
const storedFields = (fields: StoredField[] | null): OfferRow['fields'] =>
  (fields ?? []).map((f) => ({ ...f, type: 'text', min: null, max: null, source: f.value ? f.source : null }));

/** The client's row: the texts rendered from the offer's rule and facts (or the texts of an older offer). */
function toOfferRow(r: OfferReadRow): OfferRow {
  const rule = ruleById(r.rule_id);
  const texts = r.vars
    ? renderTexts(rule, r.vars)
    : {
        fields: storedFields(r.fields),
        dataBasis: r.data_basis!,
        legalBasis: r.legal_basis!,
        legalBasisUrl: rule.legalBasisUrl,
      };
  return {
    id: r.id,
    subServiceId: r.sub_service_id,
    eventServiceId: r.event_service_id,
    caseId: r.case_id,
    stepId: r.step_id,
    agencyId: r.agency_id,
    kind: r.kind,
    status: r.status,
    deadline: r.deadline,
    subjectName: r.subject_name,
    ...texts,
    declinable: r.declinable,
    heading: rule.heading ?? null,
    consequences: rule.consequences ?? null,
    undoDecline: rule.undoDecline,
    links: rule.links,
    createdAt: iso(r.created_at),
    decidedAt: isoOrNull(r.decided_at),
    decidedBy:
      r.decided_by_given === null ? null : { givenName: r.decided_by_given, familyName: r.decided_by_family ?? '' },
    acceptedFields: r.accepted_fields,
    declineReason: r.decline_reason,
  };
}

export async function selectOfferRows(tx: Queryable, where: string, params: unknown[]): Promise<OfferRow[]> {
  const { rows } = await tx.query<OfferReadRow>(
    `SELECT o.id, o.rule_id, o.sub_service_id, s.event_service_id, s.agency_id, o.case_id, o.step_id, o.kind, o.status,
       to_char(o.deadline, 'YYYY-MM-DD') AS deadline, o.subject_name, o.vars, o.fields, o.data_basis, o.legal_basis,
       o.declinable, o.created_at, o.decided_at, o.accepted_fields, o.decline_reason,
       d.given_name AS decided_by_given, d.family_name AS decided_by_family
     FROM offers o JOIN sub_services s ON s.id = o.sub_service_id LEFT JOIN persons d ON d.id = o.decided_by WHERE ${where}`,
    params,
  );
  return rows.map(toOfferRow);
}

/** The client rows of the offers an agency event made for the person. */
export const loadEventOfferRows = (tx: Queryable, personId: string, eventId: string) =>
  selectOfferRows(tx, 'o.person_id = $1 AND o.agency_event_id = $2', [personId, eventId]);

export async function loadOfferRow(tx: Queryable, offerId: string): Promise<OfferRow> {
  const [row] = await selectOfferRows(tx, 'o.id = $1', [offerId]);
  if (!row) throw new Error(`no offer ${offerId}`);
  return row;
}

async function agencyName(tx: Queryable, agencyId: string): Promise<Localized> {
  const { rows } = await tx.query<{ name: Localized }>('SELECT name FROM agencies WHERE id = $1', [agencyId]);
  return rows[0].name;
}

/** The texts of OFFER_TEXT with the offer's agency and deadline filled in, and who did it (`{{name}}`) where given. */
export async function offerText(
  tx: Queryable,
  template: Localized,
  agencyId: string,
  deadline: string,
  by?: { givenName: string; familyName: string },
) {
  return renderLocalized(template, {
    agency: { localized: await agencyName(tx, agencyId) },
    deadline: { date: deadline },
    ...(by ? { name: { text: `${by.givenName} ${by.familyName}` } } : {}),
  });
}
