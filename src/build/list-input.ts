import { parse } from 'csv-parse/sync';

/** One entry of a multi-line input, with its 1-based line so errors can point at it. */
export interface ListItem {
  value: string;
  line: number;
}

/**
 * Splits a list input the way build-push-action does: one entry per line, and, unless `ignoreComma`,
 * also per comma (CSV quoting honoured, so `"a,b"` stays one entry). Blank lines are skipped but
 * still counted, so `line` matches what the user sees in the workflow file.
 */
export function parseListInput(text: string, ignoreComma = false): ListItem[] {
  const items: ListItem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    if (ignoreComma) {
      items.push({ value: line, line: index + 1 });
      return;
    }
    const [fields = []] = parse(line, { relax_quotes: true, trim: true }) as string[][];
    for (const field of fields) if (field) items.push({ value: field, line: index + 1 });
  });
  return items;
}
