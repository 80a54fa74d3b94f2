/** One formatter for every call: making an Intl.DateTimeFormat costs about a millisecond, formatting with one a microsecond. */
let formatter: Intl.DateTimeFormat | undefined;

/** The calendar date in Estonia at the instant `now`, YYYY-MM-DD: a deadline is "by the end of that day" there. */
export function tallinnDate(now = new Date()): string {
  formatter ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Tallinn',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return formatter.format(now);
}

/** Adds years and months to an ISO date (the pension date from the birth date), as PostgreSQL does. */
export function addToDate(iso: string, years: number, months = 0): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = (y + years) * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
