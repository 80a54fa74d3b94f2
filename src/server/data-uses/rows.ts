import { ANSWER_DAYS } from '../../contract/data-uses';
import { isoSql } from '../offers/json';

/**
 * A data use's client row (entity `data_use`) built in SQL from `data_use_entries` (or rows like it) as
 * `d`; with `t`, the entry's shared words are read from `data_use_texts` as `t` where `d` has none of its
 * own (rows just returned by an INSERT into data_uses, before the view can see them).
 */
export const dataUseJson = (d: string, t?: string) => {
  const words = (column: string) => (t ? `coalesce(${d}.${column}, ${t}.${column})` : `${d}.${column}`);
  const legalUrl = t ? `CASE WHEN ${d}.text_id IS NULL THEN ${d}.legal_url ELSE ${t}.legal_url END` : `${d}.legal_url`;
  return `jsonb_build_object(
  'id', ${d}.id, 'source', ${d}.source, 'agencyId', ${d}.agency_id, 'unit', ${d}.unit,
  'register', ${d}.register, 'registerName', ${words('register_name')}, 'categories', ${words('categories')},
  'purposeCode', ${d}.purpose_code, 'purpose', ${words('purpose')}, 'purposeText', ${d}.purpose_text,
  'legalBasis', ${words('legal_basis')}, 'legalUrl', ${legalUrl},
  'subServiceId', ${d}.sub_service_id, 'offerId', ${d}.offer_id, 'stepId', ${d}.step_id,
  'usedAt', ${isoSql(`${d}.used_at`)},
  'questions', coalesce((SELECT jsonb_agg(jsonb_build_object('id', q.id, 'text', q.text,
      'askedAt', ${isoSql('q.asked_at')}, 'dueBy', ${isoSql(`(q.asked_at + interval '${ANSWER_DAYS} days')`)},
      'answer', q.answer, 'answeredAt', ${isoSql('q.answered_at')}) ORDER BY q.asked_at, q.id)
    FROM data_use_questions q WHERE q.data_use_id = ${d}.id), '[]'::jsonb))`;
};
