/** A section of rendered markdown; the fitter drops or shortens sections to meet GitHub's size limits. */
export interface Block {
    text: string;
    /** A shorter form, used before the block is dropped. */
    short?: string;
    /** 0: always kept; higher numbers go first when space runs out. */
    priority: number;
}
export interface FitOptions {
    /** Largest allowed size. */
    limit: number;
    /** How the limit is counted: UTF-8 bytes (job summary) or characters (comment). */
    measure: (text: string) => number;
    /** Says what was cut; `{what}` is replaced with the list of sections shortened or left out. */
    note: (cut: number) => string;
}
export declare const utf8Bytes: (text: string) => number;
export declare const characters: (text: string) => number;
/**
 * Joins blocks under the limit: shortens, then drops, the lowest-priority blocks first, and says so.
 * A required block that alone is too long is cut at a line boundary (never inside a code fence, whose
 * content is ours to close).
 */
export declare function fitBlocks(blocks: readonly Block[], options: FitOptions): string;
