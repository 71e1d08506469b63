/** One non-empty, non-comment line of a multi-line input, with its 1-based line number. */
export interface InputLine {
  text: string;
  line: number;
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
      lines.push({ text: trimmed, line: index + 1 });
    }
  });
  return lines;
}
