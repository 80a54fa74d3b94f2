/**
 * The CPU slowdown that makes this host behave like Lighthouse's mid-tier phone, from the host's
 * `benchmarkIndex` (Lighthouse docs/throttling.md, "Calibrating the CPU slowdown"). The mapping is the one
 * of the Lighthouse CPU throttling calculator (lighthouse-cpu-throttling-calculator.vercel.app), linear
 * between its points: index 150 → 1×, 800 → 2×, 1300 → 3×, then one more × per 233 points (1533 → 4×,
 * the default, meant for a high-end desktop).
 *
 * A busy host measures a lower index and so gets a smaller multiplier: the simulated phone stays the same.
 * Above 1533 the calculator gives nothing; the slowdown stays at its 4× there rather than extrapolate (a
 * quiet 2-core host here measures about 2300, and a straight line would make that 7.3×).
 */
/** Lighthouse's default multiplier, the calculator's top (a high-end desktop). */
export const MAX_SLOWDOWN = 4;

export function cpuSlowdown(benchmarkIndex: number): number {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex <= 0) {
    throw new Error(`benchmarkIndex ${benchmarkIndex} is not a measurement`);
  }
  // Below 150 the host is slower than the phone: no slowdown can make it faster.
  if (benchmarkIndex < 150) return 1;
  if (benchmarkIndex < 800) return 1 + (benchmarkIndex - 150) / 650;
  if (benchmarkIndex < 1300) return 2 + (benchmarkIndex - 800) / 500;
  return Math.min(MAX_SLOWDOWN, 3 + (benchmarkIndex - 1300) / 233);
}
