import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { expect, it } from 'vitest';
import { CardSection } from '../../src/ui/CardSection';

it('is a section labelled by its heading with one list item per card, and absent while it has none', () => {
  const [items, setItems] = createSignal<string[]>([]);
  const root = document.createElement('div');
  const dispose = render(
    () => (
      <CardSection id="latest" title="Latest messages" items={items()}>
        {(item) => <a href={`/inbox#${item}`}>{item}</a>}
      </CardSection>
    ),
    root,
  );
  expect(root.innerHTML).toBe('');

  setItems(['one', 'two']);
  const section = root.querySelector('section.group');
  expect(section?.getAttribute('aria-labelledby')).toBe('latest');
  expect(root.querySelector('h2#latest')?.textContent).toBe('Latest messages');
  expect([...root.querySelectorAll('ul.card-list > li > a')].map((a) => a.getAttribute('href'))).toEqual([
    '/inbox#one',
    '/inbox#two',
  ]);

  setItems([]);
  expect(root.querySelector('section')).toBeNull();
  dispose();
});
