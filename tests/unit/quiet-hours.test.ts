import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type QuietHours, releaseTime } from '../../src/server/push/quiet-hours';

// The definition, step by step: the first whole minute from `at` on that Tallinn's clock is not quiet.
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Tallinn',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});
function stepwise(at: Date, quiet: QuietHours): Date {
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  const isQuiet = (t: Date) => {
    const [h, min] = clock.format(t).split(':').map(Number);
    const now = h * 60 + min;
    const [start, end] = [m(quiet.start), m(quiet.end)];
    if (start === end) return false;
    return start < end ? now >= start && now < end : now >= start || now < end;
  };
  if (!isQuiet(at)) return at;
  let t = new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
  for (let i = 0; i < 2 * 24 * 60 && isQuiet(t); i++) t = new Date(t.getTime() + 60_000);
  return t;
}

const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 1, 15, 30, 59))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
// Instants around the daylight-saving changes of 2026 and 2027, and anywhere in those years.
const changes = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z'];
const instant = fc.oneof(
  fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * 86_400, max: 2 * 86_400 }))
    .map(([c, s]) => new Date(Date.parse(c) + s * 1000)),
  fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2028-01-01') }).map((ms) => new Date(ms)),
);

describe('quiet hours', () => {
  it('release the push at the first minute that is not quiet on the Tallinn clock', () => {
    fc.assert(
      fc.property(instant, hhmm, hhmm, (at, start, end) => {
        expect(releaseTime(at, { start, end }, false).toISOString()).toBe(stepwise(at, { start, end }).toISOString());
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it.each([
    ['2026-11-21T21:30:00Z', '22:00', '08:00', '2026-11-22T06:00:00Z'], // 23:30 in Tallinn (UTC+2) → 08:00
    ['2026-03-28T21:00:00Z', '22:00', '08:00', '2026-03-29T05:00:00Z'], // across the spring change → 08:00 EEST
    ['2026-03-29T00:10:00Z', '01:00', '03:30', '2026-03-29T01:00:00Z'], // 03:30 never happens: at the change
    ['2026-10-25T00:10:00Z', '02:00', '03:30', '2026-10-25T00:30:00Z'], // 03:30 happens twice: the first
  ])('a push at %s in quiet hours %s–%s goes out at %s', (at, start, end, expected) => {
    expect(releaseTime(new Date(at), { start, end }, false).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('lets an urgent push through at once and does nothing with equal start and end', () => {
    const at = new Date('2026-11-21T21:30:00Z');
    expect(releaseTime(at, { start: '22:00', end: '08:00' }, true)).toBe(at);
    expect(releaseTime(at, { start: '23:00', end: '23:00' }, false)).toBe(at);
  });
});
