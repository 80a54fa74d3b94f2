import { createEffect, type JSX, onMount, Show } from 'solid-js';
import { t } from '../i18n';

let firstPage = true;

/**
 * A screen's frame: its heading and the document title. After a navigation the heading takes focus,
 * so screen readers announce the new screen and keyboard users start at its top.
 */
export function Page(props: { title: string; lead?: string; back?: JSX.Element; children: JSX.Element }) {
  let heading!: HTMLHeadingElement;
  createEffect(() => {
    document.title = `${props.title} · ${t('app.name')}`;
  });
  onMount(() => {
    if (firstPage) firstPage = false;
    else heading.focus({ preventScroll: false });
  });
  return (
    <article class="page">
      {props.back}
      <h1 ref={heading} tabindex="-1">
        {props.title}
      </h1>
      <Show when={props.lead}>
        <p class="lead">{props.lead}</p>
      </Show>
      {props.children}
    </article>
  );
}

/** An empty or missing screen's explanation; without a title where the page's heading already says it. */
export function EmptyState(props: { title?: string; text: string; children?: JSX.Element }) {
  return (
    <section class="empty-state">
      <Show when={props.title}>
        <h2>{props.title}</h2>
      </Show>
      <p>{props.text}</p>
      {props.children}
    </section>
  );
}
