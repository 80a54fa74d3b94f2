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
