import { For } from 'solid-js';

interface Props {
  name: string;
  legend: string;
  low: string;
  high: string;
  value: number | undefined;
  onChange: (value: number) => void;
  error?: string;
}

/** A 0–10 scale as a radio group: arrow keys move along it, the ends say what they mean. */
export function ScaleQuestion(props: Props) {
  const hint = () => `${props.name}-ends`;
  return (
    <fieldset class="scale" aria-describedby={hint()} aria-invalid={props.error ? 'true' : undefined}>
      <legend>{props.legend}</legend>
      <p id={hint()} class="scale-ends">
        <span>0 – {props.low}</span>
        <span>10 – {props.high}</span>
      </p>
      {props.error ? <p class="form-error">{props.error}</p> : null}
      <div class="scale-options">
        <For each={Array.from({ length: 11 }, (_, i) => i)}>
          {(score) => (
            <label class="scale-option">
              <input
                type="radio"
                name={props.name}
                value={score}
                checked={props.value === score}
                onChange={() => props.onChange(score)}
              />
              <span>{score}</span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
