import { parse } from 'csv-parse/sync';
import { InputError } from '../util/errors.js';

/** Splits one input line into its comma-separated fields (CSV quoting rules, like metadata-action). */
export function csvFields(input: string, text: string, line: number): string[] {
  // Without a quote or a line break, CSV splits on commas: csv-parse is not needed (nor its set-up).
  if (!/["\r\n]/.test(text)) return text === '' ? [] : text.split(',');
  try {
    const rows = parse(text, { relaxColumnCount: true, skipEmptyLines: true }) as string[][];
    return rows[0] ?? [];
  } catch (error) {
    throw new InputError(input, `cannot split "${text}" into fields: ${(error as Error).message}`, { line });
  }
}

/** Splits `key=value` on the first `=`, trimming both sides; a field without `=` has no key. */
export function splitField(field: string): { key?: string; value: string } {
  const at = field.indexOf('=');
  if (at <= 0) return { value: field.trim() };
  return { key: field.slice(0, at).trim().toLowerCase(), value: field.slice(at + 1).trim() };
}
