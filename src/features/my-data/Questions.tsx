import { createSignal, For, Show } from 'solid-js';
import { type DataUseRow, MAX_QUESTION } from '../../contract/data-uses';
import { acting } from '../../data/acting';
import { db, type OutboxEntry } from '../../data/db';
import { language, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { NotAllowedNote } from '../../ui/acting';
import { actionErrorText } from '../../ui/action-error';
import { PendingNote } from '../../ui/Pending';
import { askAboutUse } from './actions';

/** The Data Protection Inspectorate's page on how to complain. */
const COMPLAINT_URL = 'https://www.aki.ee/';

/** A use's thread: the person's questions with the agency's answers, and a form to ask. */
export function Questions(props: { use: DataUseRow; pending?: OutboxEntry }) {
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [open, setOpen] = createSignal(false);
  const id = () => `ask-${props.use.id}`;
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(undefined);
    if (!text().trim()) return setError(t('my_data.question_empty'));
    try {
      await askAboutUse(db, props.use.id, text(), language());
      setText('');
    } catch (failure) {
      setError(actionErrorText(failure));
    }
  };
  return (
    <>
      <Show when={props.use.questions.length > 0}>
        <ul class="data-use-thread">
          <For each={props.use.questions}>
            {(q) => (
              <li>
                <p>
                  <strong>{t('my_data.you_asked', { date: formatDate(q.askedAt) })}</strong> {q.text}
                </p>
                <Show
                  when={q.answer}
                  fallback={
                    <Show
                      when={Date.now() > Date.parse(q.dueBy)}
                      fallback={<p class="muted">{t('my_data.waiting', { date: formatDate(q.dueBy) })}</p>}
                    >
                      <p class="data-use-overdue">
                        {t('my_data.overdue', { date: formatDate(q.dueBy) })}{' '}
                        <a href={COMPLAINT_URL} rel="noopener noreferrer" target="_blank">
                          {t('my_data.complain')}
                        </a>
                      </p>
                    </Show>
                  }
                >
                  {(answer) => (
                    <p class="data-use-answer">
                      <strong>{t('my_data.answered', { date: formatDate(q.answeredAt ?? q.askedAt) })}</strong>{' '}
                      {answer()}
                    </p>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.pending}>
        {(entry) => <PendingNote entry={entry()} what={t('my_data.question_pending')} />}
      </Show>
      {/* Only the person asks about the use of their data: not offered while acting for them. */}
      <Show when={!acting()} fallback={<NotAllowedNote may="outside" why="own_only" />}>
        <details class="data-use-ask" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('my_data.ask')}</summary>
          {/* Rendered only while open: a closed form has nothing to tab to or cover. */}
          <Show when={open()}>
            <form onSubmit={(e) => void send(e)} noValidate>
              <div class="field">
                <label for={id()}>{t('my_data.question')}</label>
                <textarea
                  id={id()}
                  rows={3}
                  maxLength={MAX_QUESTION}
                  value={text()}
                  onInput={(e) => setText(e.currentTarget.value)}
                />
              </div>
              <p role="alert" class="form-error">
                {error()}
              </p>
              <button type="submit" class="button button-primary">
                {t('my_data.send')}
              </button>
            </form>
          </Show>
        </details>
      </Show>
    </>
  );
}
