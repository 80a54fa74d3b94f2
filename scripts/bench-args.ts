/** The command line and figures of the database benchmarks (bench:cohort, bench:settle). */

/** `--name N` as a positive whole number, or `fallback`. */
export function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const n = (value: number | string) => Number(value).toLocaleString('en');
