import { parse } from 'csv-parse/sync';

/** One non-empty, non-comment line of a multi-line input, with its 1-based line number. */
export interface InputLine {
  text: string;
  line: number;
}

/**
 * actions-toolkit's getInputList reads each line as CSV (quotes relaxed) and joins the fields back
 * with commas, so a line wrapped in quotes loses them: `"type=raw,value=a"` is `type=raw,value=a`.
 */
function unquoteLine(text: string): string {
  if (!text.includes('"')) return text;
  try {
    const rows = parse(text, {
      relaxQuotes: true,
      relaxColumnCount: true,
      skipEmptyLines: true,
    }) as string[][];
    return (rows[0] ?? [text]).join(',').trim();
  } catch {
    return text;
  }
}

/**
 * Splits a multi-line input the way metadata-action reads `images`, `tags`, `flavor`, `labels` and
 * `annotations`: one entry per line, trimmed, blank lines and lines starting with `#` skipped.
 */
export function parseInputLines(raw: string): InputLine[] {
  const lines: InputLine[] = [];
  raw.split(/\r?\n/).forEach((text, index) => {
    const trimmed = text.trim();
    if (trimmed.length > 0 && !trimmed.startsWith('#')) {
      lines.push({ text: unquoteLine(trimmed), line: index + 1 });
    }
  });
  return lines;
}
