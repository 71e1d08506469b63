/** Formats a date with a moment.js format string in an IANA time zone. */
export type DateFormatter = (date: Date, format: string, timeZone: string) => string;
/**
 * Loads moment-timezone (and its zone data) only when an expression needs it: it is the largest
 * part of the tag engine and most runs never format a date.
 */
export declare function loadDateFormatter(): Promise<DateFormatter>;
/** True when any of the texts uses `{{date …}}` or `{{commit_date …}}`. */
export declare function usesDateExpressions(texts: readonly string[]): boolean;
