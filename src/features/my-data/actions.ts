import { ANSWER_DAYS } from '../../contract/data-uses';
import type { Lang } from '../../contract/langs';
import type { MinuRiikDb } from '../../data/db';
import { enqueue } from '../../data/outbox';

/**
 * Asks the agency about one use of the person's data: the question shows in the use's thread at once
 * (pending) and `data_use.ask` is queued. Offline: sent later. Rejected: the question is taken out
 * again and the person told why.
 */
export async function askAboutUse(db: MinuRiikDb, dataUseId: string, text: string, language: Lang): Promise<void> {
  const use = await db.dataUses.get(dataUseId);
  if (!use) return;
  const questionId = crypto.randomUUID();
  const askedAt = new Date();
  const question = {
    id: questionId,
    text: text.trim(),
    askedAt: askedAt.toISOString(),
    dueBy: new Date(askedAt.getTime() + ANSWER_DAYS * 86_400_000).toISOString(),
    answer: null,
    answeredAt: null,
  };
  await enqueue(db, {
    type: 'data_use.ask',
    payload: { questionId, dataUseId, text: question.text, language },
    touches: [{ table: 'dataUses', id: dataUseId }],
    apply: () => db.dataUses.update(dataUseId, { questions: [...use.questions, question] }),
    about: { table: 'dataUses', id: dataUseId },
    label: use.purpose,
  });
}
