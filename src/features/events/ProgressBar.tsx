import { t } from '../../i18n';

/** "n of m steps done" as words, with a bar for those who see it. */
export function ProgressBar(props: { done: number; total: number }) {
  const percent = () => (props.total === 0 ? 0 : Math.round((props.done / props.total) * 100));
  return (
    <div class="progress">
      <span>{t('events.progress', { done: props.done, count: props.total })}</span>
      <span class="progress-track" aria-hidden="true">
        <span class="progress-fill" style={{ width: `${percent()}%` }} />
      </span>
    </div>
  );
}
