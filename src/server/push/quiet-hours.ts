/** Quiet hours as local Tallinn wall-clock times, e.g. 22:00–08:00 (may cross midnight). */
export interface QuietHours {
  start: string; // HH:MM
  end: string; // HH:MM
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '22:00', end: '08:00' };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// One formatter for the process: making one costs far more than formatting with it.
const TALLINN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Tallinn',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** Tallinn's wall clock at `ms`, to the minute, written as the UTC instant with the same fields. */
function wallClock(ms: number): number {
  const f: Record<string, number> = {};
  for (const p of TALLINN.formatToParts(ms)) if (p.type !== 'literal') f[p.type] = Number(p.value);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute);
}

/** Tallinn's offset from UTC at `ms` (whole minutes). */
const offset = (ms: number) => wallClock(ms) - Math.floor(ms / MINUTE) * MINUTE;

const inWindow = (minuteOfDay: number, start: number, end: number) =>
  start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;

const minuteOfDay = (wall: number) => (((wall % DAY) + DAY) % DAY) / MINUTE;

/**
 * When a push created at `at` may go out: at once if urgent or outside quiet hours, else at the first
 * minute that is not quiet on Tallinn's wall clock: when the quiet hours end, or at a daylight-saving
 * change that moves the clock out of them.
 */
export function releaseTime(at: Date, quiet: QuietHours | null, urgent: boolean): Date {
  if (urgent || !quiet) return at;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  const wall = wallClock(at.getTime());
  const now = minuteOfDay(wall);
  if (start === end || !inWindow(now, start, end)) return at;
  // The end on the wall clock: later today, or tomorrow when the quiet hours cross midnight.
  const endWall = wall - now * MINUTE + end * MINUTE + (now >= end ? DAY : 0);
  const from = Math.floor(at.getTime() / MINUTE) * MINUTE;
  const before = offset(from);
  const after = offset(from + 2 * DAY);
  if (before === after) return new Date(endWall - before); // Tallinn changes offset at most once in two days
  // A change within reach: find its first minute by halving.
  let lo = from;
  let hi = from + 2 * DAY;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offset(mid) === before) lo = mid;
    else hi = mid;
  }
  const change = hi;
  if (endWall - before < change) return new Date(endWall - before); // the end comes first
  if (!inWindow(minuteOfDay(wallClock(change)), start, end)) return new Date(change);
  // On the new offset; if the change skipped over the end, the next day's end.
  return new Date(endWall - after >= change ? endWall - after : endWall + DAY - after);
}
