/**
 * Text for a cell of a generated markdown table: `|` would end the cell, a newline the row, and
 * `<version>` outside a code span would be an HTML tag.
 */
export declare function markdownCell(text: string): string;
