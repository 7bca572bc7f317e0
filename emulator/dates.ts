/** Acquire's date formats. */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** ISO-8601 UTC with milliseconds, e.g. `2021-03-30T16:05:46.000Z`. */
export const isoDate = (ms: number): string => new Date(ms).toISOString();

/** A timeline entry's `dateUpdated`: UTC without a zone, `YYYY-MM-DD HH:MM:SS`. */
export const zonelessDate = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
