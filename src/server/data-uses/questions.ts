import { type AgencyQuestionsPage, DataUseAnsweredEvent } from '../../contract/agency-events';
import { ANSWER_DAYS, type DataUseAskPayload } from '../../contract/data-uses';
import type { Localized } from '../../contract/i18n';
import { LANGS } from '../../contract/langs';
import { defineAgencyEventHandler } from '../agency/events';
import type { SessionPerson } from '../auth/context';
import type { Queryable } from '../db/database';
import { iso, isoOrNull } from '../db/timestamps';
import { ApiError, MutationRejected } from '../errors';
import { createNotification } from '../notifications/store';
import { text } from '../rules/texts';
import { recordChange } from '../sync/changes';
import { dataUseJson } from './rows';

/** Sends the use's row, with its thread of questions, to the person's devices again. */
async function recordUse(tx: Queryable, personId: string, useId: string) {
  const { rows } = await tx.query<{ row: Record<string, unknown> }>(
    `SELECT ${dataUseJson('d')} AS row FROM data_use_entries d WHERE d.id = $1`,
    [useId],
  );
  await recordChange(tx, personId, 'data_use', useId, rows[0].row);
}

/** Mutation `data_use.ask`: the question goes to the agency that used the data (a rule's use: the rule's agency). */
export async function askAboutUse(tx: Queryable, person: SessionPerson, ask: DataUseAskPayload): Promise<void> {
  const { rows } = await tx.query<{ agency_id: string }>(
    'SELECT agency_id FROM data_uses WHERE id = $1 AND person_id = $2 FOR UPDATE',
    [ask.dataUseId, person.id],
  );
  if (!rows[0]) throw new MutationRejected('not_found', 'No such use of your data');
  const { rows: made } = await tx.query(
    `INSERT INTO data_use_questions (id, data_use_id, person_id, agency_id, text, language)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [ask.questionId, ask.dataUseId, person.id, rows[0].agency_id, ask.text, ask.language],
  );
  if (!made[0]) throw new MutationRejected('already_asked', 'A question with this id was asked before');
  await recordUse(tx, person.id, ask.dataUseId);
}

/** Questions on a page, at most. */
export const QUESTIONS_PAGE = 500;

/** The opaque `after` of a page: the last question's time (in microseconds, as kept) and id. */
const encodeAfter = (askedUs: string, id: string) => Buffer.from(`${askedUs}.${id}`).toString('base64url');

function decodeAfter(after: string): [string, string] {
  const match = /^(\d{1,20})\.([0-9a-f-]{36})$/.exec(Buffer.from(after, 'base64url').toString());
  if (!match) throw new ApiError(400, 'bad_cursor', 'after must be the next of a page before');
  return [match[1], match[2]];
}

/**
 * The agency's questions, oldest first, a page of at most `limit` after the cursor `after` (the `next`
 * of the page before): only the unanswered ones unless `all`. A question answered between two pages of
 * unanswered ones is simply not on the later page.
 */
export async function agencyQuestions(
  db: Queryable,
  agencyId: string,
  { all, after, limit = QUESTIONS_PAGE }: { all: boolean; after?: string; limit?: number },
): Promise<AgencyQuestionsPage> {
  const [afterUs, afterId] = after ? decodeAfter(after) : [null, null];
  const { rows } = await db.query<{
    id: string;
    data_use_id: string;
    agency_event_id: string;
    personal_code: string;
    text: string;
    language: string;
    asked_at: Date | string;
    answer: string | null;
    answered_at: Date | string | null;
    asked_us: string;
  }>(
    `SELECT q.id, q.data_use_id, d.agency_event_id, p.personal_code, q.text, q.language, q.asked_at, q.answer,
            q.answered_at, (extract(epoch FROM q.asked_at) * 1000000)::bigint::text AS asked_us
     FROM data_use_questions q JOIN data_uses d ON d.id = q.data_use_id JOIN persons p ON p.id = q.person_id
     WHERE q.agency_id = $1 AND ($2 OR q.answer IS NULL)
       AND ($3::bigint IS NULL OR (q.asked_at, q.id) > (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid))
     ORDER BY q.asked_at, q.id LIMIT $5`,
    [agencyId, all, afterUs, afterId, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const questions = page.map((r) => ({
    id: r.id,
    dataUseId: r.data_use_id,
    eventId: r.agency_event_id,
    personalCode: r.personal_code,
    text: r.text,
    language: r.language,
    askedAt: iso(r.asked_at),
    dueBy: new Date(new Date(r.asked_at).getTime() + ANSWER_DAYS * 86_400_000).toISOString(),
    answer: r.answer,
    answeredAt: isoOrNull(r.answered_at),
  }));
  return { questions, next: rows.length > limit && last ? encodeAfter(last.asked_us, last.id) : null };
}

const fill = (template: Localized, agency: Localized): Localized =>
  Object.fromEntries(LANGS.map((lang) => [lang, template[lang].replace('{{agency}}', agency[lang])])) as Localized;

/**
 * `data_use.answered`: the agency answers a question put to it. Another agency's question, or none,
 * is 404 alike (an agency learns nothing of others'); a question answered already is 409. The answer
 * goes into the use's thread and to the person as a notification.
 */
export const dataUseAnswered = defineAgencyEventHandler({
  schema: DataUseAnsweredEvent,
  async handle(tx, ctx, event) {
    const { rows } = await tx.query<{
      person_id: string;
      data_use_id: string;
      agency_id: string;
      answer: string | null;
    }>('SELECT person_id, data_use_id, agency_id, answer FROM data_use_questions WHERE id = $1 FOR UPDATE', [
      event.questionId,
    ]);
    const question = rows[0];
    if (!question || question.agency_id !== ctx.agencyId) {
      throw new ApiError(404, 'unknown_question', `No question ${event.questionId} to ${ctx.agencyId}`);
    }
    if (question.answer !== null) {
      throw new ApiError(409, 'already_answered', `Question ${event.questionId} was answered before`);
    }
    await tx.query('UPDATE data_use_questions SET answer = $2, answered_at = $3 WHERE id = $1', [
      event.questionId,
      event.answer,
      ctx.receivedAt,
    ]);
    await recordUse(tx, question.person_id, question.data_use_id);
    const { rows: agency } = await tx.query<{ name: Localized }>('SELECT name FROM agencies WHERE id = $1', [
      ctx.agencyId,
    ]);
    await createNotification(tx, question.person_id, {
      topic: 'general',
      title: text('dataUse.answeredTitle'),
      body: fill(text('dataUse.answeredBody'), agency[0].name),
      link: '/my-data',
    });
    return { questionId: event.questionId, dataUseId: question.data_use_id };
  },
});
