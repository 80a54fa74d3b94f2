import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { CaseRow, StepRow } from '../../contract/cases';
import type { CatalogueEntry } from '../../data/db';
import { t } from '../../i18n';
import { localized } from '../../i18n/format';
import { Icon } from '../../ui/icons';
import { ProgressBar } from './ProgressBar';
import { nextStep, progress } from './progress';

/** A life event in a list: its name, how far it is, and what happens next. */
export function CaseCard(props: { case: CaseRow; steps: StepRow[]; service: CatalogueEntry | undefined }) {
  const next = () => (props.case.state === 'active' ? nextStep(props.steps) : undefined);
  const nextName = () => {
    const id = next()?.subServiceId;
    const sub = props.service?.subServices.find((s) => s.id === id);
    return sub ? localized(sub.name) : id;
  };
  return (
    <A class="card card-link" href={`/events/${props.case.id}`}>
      <span class="card-title">{props.service ? localized(props.service.name) : props.case.eventServiceId}</span>
      <Show when={props.case.subjectName}>
        <span class="card-text">{props.case.subjectName}</span>
      </Show>
      <ProgressBar {...progress(props.steps)} />
      <Show when={next()}>
        <span class="card-meta">
          {t('events.next', { service: nextName(), status: t(`status.${next()!.status}`) })}
        </span>
      </Show>
      <Icon name="chevron" class="card-chevron" />
    </A>
  );
}
