import { For, Show } from 'solid-js';

export interface Point {
  label: string;
  value: number | null;
}

const W = 320;
const H = 160;
const PAD = 28;

/**
 * The index (−100…+100) month by month as a line; months without an index (under 10 answers) are
 * gaps. The same numbers are in the table beside it, so the chart only repeats what can be read.
 */
export function TrendChart(props: { title: string; points: Point[] }) {
  const x = (i: number) =>
    PAD + (props.points.length <= 1 ? (W - 2 * PAD) / 2 : (i * (W - 2 * PAD)) / (props.points.length - 1));
  const y = (v: number) => PAD / 2 + ((100 - v) * (H - PAD)) / 200;
  const segments = () => {
    const out: string[] = [];
    let current = '';
    props.points.forEach((p, i) => {
      if (p.value === null) {
        if (current) out.push(current);
        current = '';
      } else current += `${current ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p.value).toFixed(1)}`;
    });
    if (current) out.push(current);
    return out;
  };
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.title}>
      <For each={[100, 0, -100]}>
        {(v) => (
          <>
            <line x1={PAD} x2={W - PAD / 2} y1={y(v)} y2={y(v)} class={v === 0 ? 'chart-zero' : 'chart-grid'} />
            <text x={PAD - 4} y={y(v) + 4} text-anchor="end" class="chart-label">
              {v > 0 ? `+${v}` : v}
            </text>
          </>
        )}
      </For>
      <For each={segments()}>{(d) => <path d={d} class="chart-line" />}</For>
      <For each={props.points}>
        {(p, i) => (
          <>
            <Show when={p.value !== null}>
              <circle cx={x(i())} cy={y(p.value!)} r="4" class="chart-dot" />
            </Show>
            <text x={x(i())} y={H - 2} text-anchor="middle" class="chart-label">
              {p.label}
            </text>
          </>
        )}
      </For>
    </svg>
  );
}
