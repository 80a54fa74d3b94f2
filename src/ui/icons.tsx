import type { JSX } from 'solid-js';
import { ICON_PATHS as PATHS } from './icon-paths';

export type IconName = keyof typeof PATHS;

/** A decorative stroke icon; the text beside it carries the meaning. */
export function Icon(props: { name: IconName; size?: number } & JSX.SvgSVGAttributes<SVGSVGElement>) {
  return (
    <svg
      width={props.size ?? 24}
      height={props.size ?? 24}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      class={props.class}
    >
      <path d={PATHS[props.name]} />
    </svg>
  );
}
