import { parse } from 'csv-parse/sync';
import { InputError } from './errors.js';

/** One entry of a list input, with the 1-based line it starts on, so errors can point at it. */
export interface ListItem {
  value: string;
  line: number;
}

export interface ListInputOptions {
  /** The input's name, for errors. */
  input?: string;
  /**
   * Keep each record (a line, or a quoted value spanning lines) whole, commas included; otherwise a
   * record is split on its commas. build-push-action's `ignoreComma`.
   */
  ignoreComma?: boolean;
  /** Quotes are plain characters (build-push-action reads `outputs` so: `"` is part of a value there). */
  noQuotes?: boolean;
}

/**
 * Splits a list input the way docker's actions-toolkit `getInputList` does, so inputs written for
 * build-push-action and metadata-action mean the same here: the whole text is read as CSV (quotes
 * relaxed), so a quoted value keeps its commas and may span lines (`"CERT=abc\ndef"` is one entry).
 * A record of one field is split on commas unless `ignoreComma`; a record of several fields gives each
 * field, or with `ignoreComma` the fields joined back with commas (the quotes are gone). Entries are
 * trimmed and empty ones dropped. Lines whose text starts with `#` are comments (metadata-action's
 * inputs and ours: no build input value starts with `#`).
 */
export function parseListInput(text: string, options: ListInputOptions = {}): ListItem[] {
  const input = options.input ?? 'input';
  // csv-parse counts a CRLF inside a quoted value as two lines; line numbers must match the file.
  const source = text.replace(/\r\n/g, '\n');
  // Most inputs are empty or hold no quote: they read as CSV would read them, without csv-parse
  // (which costs about 0.2 ms a call to set up; a graph reads some fifty list inputs per image).
  if (!source.includes('\r') && (options.noQuotes || !source.includes('"')))
    return unquotedList(source, input, options.ignoreComma === true);
  return csvList(source, input, options);
}

/** parseListInput through csv-parse; exported for the test that holds the two readings equal. */
export function csvList(source: string, input: string, options: ListInputOptions = {}): ListItem[] {
  // The line each record ends on, as csv-parse counts them (the records themselves carry no position).
  const endLines: number[] = [];
  let records: string[][];
  try {
    records = parse(source, {
      relaxQuotes: true,
      relaxColumnCount: true,
      skipEmptyLines: true,
      comment: '#',
      comment_no_infix: true,
      quote: options.noQuotes ? false : '"',
      on_record: (record, context) => {
        endLines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      const line = firstContentLine(source, endLines.at(-1) ?? 0);
      throw new InputError(input, 'a quoted value is never closed (a `"` without its closing `"`)', { line });
    }
    throw new InputError(input, `cannot read the list: ${(error as Error).message}`);
  }
  const items: ListItem[] = [];
  records.forEach((record, index) => {
    // An indented `#` line is a comment too (csv-parse only knows comments at the start of a line).
    if (record[0].trimStart().startsWith('#')) return;
    const line =
      endLines[index] - record.reduce((count, field) => count + (field.match(/\n/g)?.length ?? 0), 0);
    // No process takes a NUL in an argument or a variable; never echo the value (it may be a secret).
    if (record.some((field) => field.includes('\0')))
      throw new InputError(input, 'holds a NUL character, which no command line can carry', { line });
    const values =
      record.length === 1
        ? options.ignoreComma
          ? record
          : record[0].split(',')
        : options.ignoreComma
          ? [record.join(',')]
          : record;
    for (const value of values) {
      const trimmed = value.trim();
      if (trimmed) items.push({ value: trimmed, line });
    }
  });
  return items;
}

/** A list without quotes: each line is a record, its fields split on commas (see parseListInput). */
function unquotedList(source: string, input: string, ignoreComma: boolean): ListItem[] {
  const items: ListItem[] = [];
  source.split('\n').forEach((text, index) => {
    if (text.trimStart().startsWith('#')) return;
    if (text.includes('\0'))
      throw new InputError(input, 'holds a NUL character, which no command line can carry', {
        line: index + 1,
      });
    for (const value of ignoreComma ? [text] : text.split(',')) {
      const trimmed = value.trim();
      if (trimmed) items.push({ value: trimmed, line: index + 1 });
    }
  });
  return items;
}

/** The first line after `afterLine` (1-based) that holds anything but blanks or a comment. */
function firstContentLine(text: string, afterLine: number): number {
  const lines = text.split('\n');
  for (let index = afterLine; index < lines.length; index++) {
    const trimmed = lines[index].trim();
    if (trimmed && !trimmed.startsWith('#')) return index + 1;
  }
  return afterLine + 1;
}
