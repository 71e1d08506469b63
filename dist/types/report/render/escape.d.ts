/**
 * Text from outside (Dockerfile instructions of a pull request, branch names, file paths, tags, logs)
 * made inert for GitHub markdown: it renders as the same characters, and never as HTML, an image, a
 * link, a mention, an issue reference, math, or a table or `<details>` break.
 */
/** Inline text for a paragraph or a table cell: one line, escaped, at most `max` characters of the original. */
export declare function mdText(text: string, max?: number): string;
/** Text for an HTML comment (the sticky marker): only characters that cannot close or confuse it. */
export declare function commentSafe(text: string): string;
/**
 * A fenced code block that its content cannot close: the fence is longer than any backtick run inside.
 * Markdown, HTML and mentions are not interpreted in code blocks.
 */
export declare function codeBlock(text: string, language?: string): string;
/** Terminal text: one line, no control characters (no escape sequences from an image's paths). */
export declare function terminalText(text: string, max?: number): string;
export declare function truncate(text: string, max: number): string;
