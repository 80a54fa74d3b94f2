/** The calendar date in Estonia at the instant `now`, YYYY-MM-DD: a deadline is "by the end of that day" there. */
export function tallinnDate(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Tallinn',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
