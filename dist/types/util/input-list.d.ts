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
export declare function parseListInput(text: string, options?: ListInputOptions): ListItem[];
/** parseListInput through csv-parse; exported for the test that holds the two readings equal. */
export declare function csvList(source: string, input: string, options?: ListInputOptions): ListItem[];
