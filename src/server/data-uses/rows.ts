import { ANSWER_DAYS } from '../../contract/data-uses';
import { isoSql } from '../offers/json';

/** A data use's client row (entity `data_use`) built in SQL from `data_uses` (or rows like it) as `d`. */
export const dataUseJson = (d: string) => `jsonb_build_object(
  'id', ${d}.id, 'source', ${d}.source, 'agencyId', ${d}.agency_id, 'unit', ${d}.unit,
  'register', ${d}.register, 'registerName', ${d}.register_name, 'categories', ${d}.categories,
  'purposeCode', ${d}.purpose_code, 'purpose', ${d}.purpose, 'purposeText', ${d}.purpose_text,
  'legalBasis', ${d}.legal_basis, 'legalUrl', ${d}.legal_url,
  'subServiceId', ${d}.sub_service_id, 'offerId', ${d}.offer_id, 'stepId', ${d}.step_id,
  'usedAt', ${isoSql(`${d}.used_at`)},
  'questions', coalesce((SELECT jsonb_agg(jsonb_build_object('id', q.id, 'text', q.text,
      'askedAt', ${isoSql('q.asked_at')}, 'dueBy', ${isoSql(`(q.asked_at + interval '${ANSWER_DAYS} days')`)},
      'answer', q.answer, 'answeredAt', ${isoSql('q.answered_at')}) ORDER BY q.asked_at, q.id)
    FROM data_use_questions q WHERE q.data_use_id = ${d}.id), '[]'::jsonb))`;
