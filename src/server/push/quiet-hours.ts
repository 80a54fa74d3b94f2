/** Quiet hours as local Tallinn wall-clock times, e.g. 22:00–08:00 (may cross midnight). */
export interface QuietHours {
  start: string; // HH:MM
  end: string; // HH:MM
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '22:00', end: '08:00' };
const ZONE = 'Europe/Tallinn';

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

function tallinnMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => Object.assign(acc, { [p.type]: p.value }), {});
  return Number(parts.hour) * 60 + Number(parts.minute);
}

function isQuiet(at: Date, quiet: QuietHours): boolean {
  const now = tallinnMinutes(at);
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * When a push created at `at` may go out: at once if urgent or outside quiet hours, else at the end of
 * the quiet hours in Tallinn (found minute by minute from the next whole minute, so DST shifts are right).
 */
export function releaseTime(at: Date, quiet: QuietHours | null, urgent: boolean): Date {
  if (urgent || !quiet || !isQuiet(at, quiet)) return at;
  const step = 60_000;
  let t = new Date(Math.ceil(at.getTime() / step) * step);
  for (let i = 0; i < 24 * 60 + 120 && isQuiet(t, quiet); i++) t = new Date(t.getTime() + step);
  return t;
}
