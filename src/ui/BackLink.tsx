import { A } from '@solidjs/router';
import { Icon } from './icons';

export function BackLink(props: { href: string; label: string }) {
  return (
    <A class="back-link" href={props.href}>
      <Icon name="back" size={20} />
      {props.label}
    </A>
  );
}
