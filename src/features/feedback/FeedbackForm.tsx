import { useNavigate, useParams } from '@solidjs/router';
import { createSignal, onCleanup, Show } from 'solid-js';
import { mayAct, subjectDb } from '../../data/acting';
import { useEventService } from '../../data/catalogue-queries';
import { db } from '../../data/db';
import { createLiveQuery } from '../../data/live';
import { usePendingFor } from '../../data/pending';
import { t } from '../../i18n';
import { localized } from '../../i18n/format';
import { forSubject, WhenMayAct } from '../../ui/acting';
import { actionErrorText } from '../../ui/action-error';
import { EmptyState, Page } from '../../ui/Page';
import { PendingNote } from '../../ui/Pending';
import { dismissFeedback, sendFeedback } from './actions';
import { ScaleQuestion } from './ScaleQuestion';
import './feedback.css';

const MAX = 2000;

export default function FeedbackForm() {
  const params = useParams<{ requestId: string }>();
  const pending = usePendingFor('feedbackRequests', () => params.requestId);
  const navigate = useNavigate();
  const request = createLiveQuery(
    async (db, id) => (await db.feedbackRequests.get(id)) ?? null,
    () => params.requestId,
  );
  const service = useEventService(() => request()?.eventServiceId ?? '');
  const serviceName = () => {
    const sub = service()?.subServices.find((s) => s.id === request()?.subServiceId);
    return sub ? localized(sub.name) : '';
  };
  const [score, setScore] = createSignal<number>();
  const [smoothness, setSmoothness] = createSignal<number>();
  const [comment, setComment] = createSignal('');
  const [announced, setAnnounced] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [sent, setSent] = createSignal(false);
  const open = () => {
    const r = request();
    return !!r && r.status === 'pending' && new Date(r.expiresAt) > new Date();
  };
  const left = () => MAX - comment().length;

  // The visible counter changes with every key; screen readers hear it once typing pauses.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onComment = (value: string) => {
    setComment(value);
    clearTimeout(timer);
    timer = setTimeout(() => setAnnounced(t('feedback.characters_left', { count: MAX - value.length })), 1000);
  };
  onCleanup(() => clearTimeout(timer));

  const run = async (work: () => Promise<unknown>, after: () => void) => {
    try {
      await work();
      after();
    } catch (e) {
      setError(actionErrorText(e));
    }
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const value = score();
    if (value === undefined) {
      setError(t('feedback.choose_score'));
      document.getElementById('feedback-score')?.querySelector('input')?.focus();
      return;
    }
    void run(
      () =>
        sendFeedback(subjectDb(db), {
          requestId: params.requestId,
          score: value,
          smoothness: smoothness(),
          comment: comment().trim() || undefined,
        }),
      () => setSent(true),
    );
  };

  return (
    <Show when={request() !== undefined}>
      <Page title={t('feedback.title')} lead={serviceName()}>
        <Show
          when={!sent()}
          fallback={
            <section class="empty-state" role="status">
              <h2>{t('feedback.thanks_title')}</h2>
              <Show when={pending()} fallback={<p>{t('feedback.thanks_sent')}</p>}>
                {(entry) => <PendingNote entry={entry()} what={t('feedback.pending')} />}
              </Show>
              <a class="button button-primary" href="/">
                {t('not_found.home')}
              </a>
            </section>
          }
        >
          <Show
            when={open()}
            fallback={<EmptyState title={t('feedback.closed_title')} text={t('feedback.closed_text')} />}
          >
            <WhenMayAct may={mayAct(request()!.eventServiceId)}>
              <form class="feedback-form" onSubmit={submit} novalidate>
                <div id="feedback-score">
                  <ScaleQuestion
                    name="score"
                    legend={
                      request()!.question === 'smooth'
                        ? t('feedback.smooth_question', { service: serviceName() })
                        : t('feedback.recommend_question', { service: serviceName() })
                    }
                    low={request()!.question === 'smooth' ? t('feedback.smooth_low') : t('feedback.recommend_low')}
                    high={request()!.question === 'smooth' ? t('feedback.smooth_high') : t('feedback.recommend_high')}
                    value={score()}
                    onChange={(v) => {
                      setScore(v);
                      setError(undefined);
                    }}
                    error={error()}
                  />
                </div>
                <Show when={request()!.question === 'recommend'}>
                  <ScaleQuestion
                    name="smoothness"
                    legend={t('feedback.smooth_optional', { service: serviceName() })}
                    low={t('feedback.smooth_low')}
                    high={t('feedback.smooth_high')}
                    value={smoothness()}
                    onChange={setSmoothness}
                  />
                </Show>
                <div class="field">
                  <label for="feedback-comment">{t('feedback.comment_label')}</label>
                  <p id="feedback-comment-hint" class="muted">
                    {t('feedback.comment_hint')}
                  </p>
                  <textarea
                    id="feedback-comment"
                    class="input"
                    rows="5"
                    maxlength={MAX}
                    aria-describedby="feedback-comment-hint feedback-comment-count"
                    value={comment()}
                    onInput={(e) => onComment(e.currentTarget.value)}
                  />
                  <p id="feedback-comment-count" class="muted" aria-hidden="true">
                    {t('feedback.characters_left', { count: left() })}
                  </p>
                  <p class="visually-hidden" aria-live="polite">
                    {announced()}
                  </p>
                </div>
                <div class="form-actions">
                  <button type="submit" class="button button-primary">
                    {forSubject(t('feedback.send'))}
                  </button>
                  <button
                    type="button"
                    class="button"
                    onClick={() =>
                      void run(
                        () => dismissFeedback(subjectDb(db), params.requestId, false),
                        () => navigate('/'),
                      )
                    }
                  >
                    {t('feedback.not_now')}
                  </button>
                  <button
                    type="button"
                    class="link-button"
                    onClick={() =>
                      void run(
                        () => dismissFeedback(subjectDb(db), params.requestId, true),
                        () => navigate('/'),
                      )
                    }
                  >
                    {t('feedback.never')}
                  </button>
                </div>
              </form>
            </WhenMayAct>
          </Show>
        </Show>
      </Page>
    </Show>
  );
}
