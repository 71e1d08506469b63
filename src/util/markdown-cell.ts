/**
 * Text for a cell of a generated markdown table: `|` would end the cell, a newline the row, and
 * `<version>` outside a code span would be an HTML tag.
 */
export function markdownCell(text: string): string {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 0 ? part.replace(/</g, '&lt;').replace(/>/g, '&gt;') : part))
    .join('`')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
}
