import { z } from 'zod';
import { LangSchema } from './i18n';
import { safeDateTime } from './text';

/**
 * GET /api/me/export: everything the service holds about the person, as a zip of `export.json` (this
 * schema), one `<table>.csv` per table with these columns in this order, and `README.txt` in the
 * person's language. Columns are the database's; secrets (session and device keys) are left out.
 */
export const EXPORT_COLUMNS = {
  profile: ['id', 'personal_code', 'given_name', 'family_name', 'preferred_language', 'facts', 'created_at'],
  settings: ['settings', 'updated_at'],
  cases: ['id', 'event_service_id', 'state', 'subject_name', 'started_at', 'completed_at'],
  steps: [
    'id',
    'case_id',
    'sub_service_id',
    'agency_id',
    'status',
    'actor',
    'due_date',
    'waiting_on_step_id',
    'updated_at',
  ],
  step_history: ['id', 'step_id', 'at', 'from_status', 'to_status', 'reason', 'agency_event_id'],
  offers: [
    'id',
    'rule_id',
    'sub_service_id',
    'case_id',
    'step_id',
    'subject_name',
    'kind',
    'declinable',
    'status',
    'deadline',
    'fields',
    'data_basis',
    'legal_basis',
    'vars',
    'agency_event_id',
    'created_at',
    'decided_at',
    'accepted_fields',
    'decline_reason',
  ],
  notifications: ['id', 'topic', 'title', 'body', 'link', 'urgent', 'created_at', 'read_at'],
  feedback_requests: [
    'id',
    'step_id',
    'sub_service_id',
    'agency_id',
    'event_service_id',
    'question',
    'status',
    'created_at',
    'available_at',
    'expires_at',
    'notified_at',
  ],
  feedback_answers: [
    'id',
    'request_id',
    'sub_service_id',
    'agency_id',
    'question',
    'language',
    'channel',
    'score',
    'smoothness',
    'comment',
    'answered_at',
  ],
  feedback_opt_outs: ['sub_service_id', 'created_at'],
  data_uses: [
    'id',
    'source',
    'agency_id',
    'unit',
    'agency_event_id',
    'rule_id',
    'register',
    'register_name',
    'categories',
    'purpose_code',
    'purpose',
    'purpose_text',
    'legal_basis',
    'legal_url',
    'sub_service_id',
    'offer_id',
    'step_id',
    'used_at',
    'recorded_at',
  ],
  data_use_questions: ['id', 'data_use_id', 'agency_id', 'text', 'language', 'asked_at', 'answer', 'answered_at'],
  mandates: [
    'id',
    'kind',
    'actor_id',
    'subject_id',
    'scope',
    'services',
    'valid_until',
    'status',
    'created_at',
    'ended_at',
  ],
  push_subscriptions: ['id', 'device_label', 'endpoint', 'created_at', 'last_sent_at'],
  push_deliveries: ['id', 'notification_id', 'subscription_id', 'status', 'attempts', 'created_at', 'sent_at'],
  sessions: ['acr', 'created_at', 'last_seen_at', 'idle_expires_at', 'absolute_expires_at'],
  applied_mutations: ['id', 'type', 'status', 'code', 'actor_id', 'applied_at'],
} as const;

export type ExportTable = keyof typeof EXPORT_COLUMNS;
export const EXPORT_TABLES = Object.keys(EXPORT_COLUMNS) as ExportTable[];

export const EXPORT_FORMAT = 'minu-riik-export/1';

const rowOf = (columns: readonly string[]) => z.strictObject(Object.fromEntries(columns.map((c) => [c, z.json()])));

/** `export.json`. */
export const ExportDocument = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  exportedAt: safeDateTime(),
  language: LangSchema,
  tables: z.strictObject(
    Object.fromEntries(EXPORT_TABLES.map((table) => [table, z.array(rowOf(EXPORT_COLUMNS[table]))])) as {
      [T in ExportTable]: z.ZodArray<ReturnType<typeof rowOf>>;
    },
  ),
});
export type ExportDocument = z.infer<typeof ExportDocument>;
