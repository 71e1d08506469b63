/** Formats a date with a moment.js format string in an IANA time zone. */
export type DateFormatter = (date: Date, format: string, timeZone: string) => string;

/**
 * Loads moment-timezone (and its zone data) only when an expression needs it: it is the largest
 * part of the tag engine and most runs never format a date.
 */
export async function loadDateFormatter(): Promise<DateFormatter> {
  const { default: moment } = await import('moment-timezone');
  return (date, format, timeZone) => {
    if (!moment.tz.zone(timeZone)) throw new Error(`unknown time zone "${timeZone}"`);
    return moment(date).tz(timeZone).format(format);
  };
}

/** True when any of the texts uses `{{date …}}` or `{{commit_date …}}`. */
export function usesDateExpressions(texts: readonly string[]): boolean {
  return texts.some((text) => /\{\{~?\s*(date|commit_date)\b/.test(text));
}
