import { For, type JSX, Show } from 'solid-js';

/** A titled list of cards, labelled by its heading (`id`); absent while it has none. */
export function CardSection<T>(props: {
  id: string;
  title: string;
  items: readonly T[];
  children: (item: T) => JSX.Element;
}) {
  return (
    <Show when={props.items.length > 0}>
      <section class="group" aria-labelledby={props.id}>
        <h2 id={props.id}>{props.title}</h2>
        <ul class="card-list">
          <For each={props.items}>{(item) => <li>{props.children(item)}</li>}</For>
        </ul>
      </section>
    </Show>
  );
}
