/** A timestamp from the database (pg gives Date, PGlite may give a string) as the API writes it. */
export const iso = (value: Date | string) => new Date(value).toISOString();

export const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
