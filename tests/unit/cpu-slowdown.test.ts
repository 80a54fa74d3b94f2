import { describe, expect, it } from 'vitest';
import { cpuSlowdown } from '../../scripts/cpu-slowdown';

describe('the CPU slowdown calibrated from the benchmark index', () => {
  it('meets the calculator at its points', () => {
    expect(cpuSlowdown(150)).toBe(1);
    expect(cpuSlowdown(800)).toBe(2);
    expect(cpuSlowdown(1300)).toBe(3);
    expect(cpuSlowdown(1533)).toBeCloseTo(4, 2);
    // Past the calculator's top it stays at Lighthouse's default rather than extrapolate.
    expect(cpuSlowdown(2000)).toBe(4);
    expect(cpuSlowdown(2400)).toBe(4);
  });

  it('is linear between them and grows with the host', () => {
    expect(cpuSlowdown(1050)).toBeCloseTo(2.5, 5);
    const indexes = [100, 149, 150, 400, 799, 800, 1299, 1300, 1766, 2500];
    const multipliers = indexes.map(cpuSlowdown);
    for (let i = 1; i < multipliers.length; i++) expect(multipliers[i]).toBeGreaterThanOrEqual(multipliers[i - 1]!);
  });

  it('never speeds a host up, and refuses a missing measurement', () => {
    expect(cpuSlowdown(60)).toBe(1);
    expect(() => cpuSlowdown(Number.NaN)).toThrow();
    expect(() => cpuSlowdown(0)).toThrow();
  });
});
