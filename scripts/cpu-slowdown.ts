/**
 * The CPU slowdown that makes this host behave like Lighthouse's mid-tier phone, from the host's
 * `benchmarkIndex` (Lighthouse docs/throttling.md, "Calibrating the CPU slowdown"). The mapping is the one
 * of the Lighthouse CPU throttling calculator (lighthouse-cpu-throttling-calculator.vercel.app), linear
 * between its points: index 150 → 1×, 800 → 2×, 1300 → 3×, then one more × per 233 points (1533 → 4×,
 * the default, meant for a high-end desktop).
 *
 * A busy host measures a lower index and so gets a smaller multiplier: the simulated phone stays the same.
 */
export function cpuSlowdown(benchmarkIndex: number): number {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex <= 0) {
    throw new Error(`benchmarkIndex ${benchmarkIndex} is not a measurement`);
  }
  // Below 150 the host is slower than the phone: no slowdown can make it faster.
  if (benchmarkIndex < 150) return 1;
  if (benchmarkIndex < 800) return 1 + (benchmarkIndex - 150) / 650;
  if (benchmarkIndex < 1300) return 2 + (benchmarkIndex - 800) / 500;
  return 3 + (benchmarkIndex - 1300) / 233;
}
