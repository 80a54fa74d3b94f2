import type { StepStatus } from '../../contract/cases';
import { t } from '../../i18n';

const ICONS: Record<StepStatus, string> = {
  completed: 'M5 12.5l4.5 4.5L19 7.5',
  action_needed: 'M12 7v6M12 16.5v.01',
  in_progress: 'M12 7v5l3.5 2',
  waiting: 'M9.5 8v8M14.5 8v8',
  not_started: '',
  declined: 'M8 8l8 8M16 8l-8 8',
  not_applicable: 'M8 12h8',
};

/** A step's status as an icon and words: never colour alone. */
export function StatusBadge(props: { status: StepStatus }) {
  return (
    <span class={`status status-${props.status}`}>
      <svg
        width="20"
        height="20"
        viewBox="0 0 24 24"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        stroke-width="2.5"
        stroke-linecap="round"
        stroke-linejoin="round"
      >
        <circle cx="12" cy="12" r="10" stroke-width="2" />
        <path d={ICONS[props.status]} />
      </svg>
      {t(`status.${props.status}`)}
    </span>
  );
}
