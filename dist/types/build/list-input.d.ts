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
export declare function parseListInput(text: string, ignoreComma?: boolean): ListItem[];
