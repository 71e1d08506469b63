/**
 * Text from outside (Dockerfile instructions of a pull request, branch names, file paths, tags, logs)
 * made inert for GitHub markdown: it renders as the same characters, and never as HTML, an image, a
 * link, a mention, an issue reference, math, or a table or `<details>` break.
 */

const ZWJ = '\u200D';
// Bidirectional overrides and other invisible format characters can make text read differently
// from what it is ("Trojan Source"); C0/C1 controls can do worse in terminals.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// CommonMark lets any ASCII punctuation be escaped; these are the ones with a meaning in GitHub
// markdown inline (emphasis, code, links, images, HTML, entities, tables, strikethrough, math).
const PUNCTUATION = /[\\`*_{}[\]<>()#!|~&$]/g;

/** Inline text for a paragraph or a table cell: one line, escaped, at most `max` characters of the original. */
export function mdText(text: string, max = Infinity): string {
  const line = truncate(text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim(), max);
  const escaped = line
    .replace(PUNCTUATION, (char) => `\\${char}`)
    // Line-start markers (lists, headings, quotes, rules) only matter at the very start.
    .replace(/^[-+=>]/, '\\$&')
    // An ordered-list marker is 1–9 digits, `.` or `)`, then a space or the end (`127.0.0.1` is not one).
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    // GitHub links @mentions, #123 references and bare URLs in text: a zero-width joiner breaks each.
    .replace(/@(?=[\w-])/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/:(?=\/\/)/g, `:${ZWJ}`)
    .replace(/\b(www)\./gi, `$1${ZWJ}.`);
  return escaped;
}

/** Text for an HTML comment (the sticky marker): only characters that cannot close or confuse it. */
export function commentSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._/:+=-]/g, '_').replace(/-{2,}/g, '-');
}

/**
 * A fenced code block that its content cannot close: the fence is longer than any backtick run inside.
 * Markdown, HTML and mentions are not interpreted in code blocks.
 */
export function codeBlock(text: string, language = ''): string {
  const clean = text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${clean.replace(/\n+$/, '')}\n${fence}`;
}

/** Terminal text: one line, no control characters (no escape sequences from an image's paths). */
export function terminalText(text: string, max = Infinity): string {
  return truncate(text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim(), max);
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  // Never cut a surrogate pair in half: a lone surrogate is not valid UTF-8.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  return `${text.slice(0, end)}…`;
}
