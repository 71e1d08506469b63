/**
 * Writes `path` whole without following a symlink there: the text goes to a new file in the same
 * directory (created exclusively, so a planted file or link cannot be reused), which is then renamed
 * over `path`. A rename replaces a link itself, never its target, and a reader sees the old file or
 * the new one, never half of one.
 */
export declare function replaceFile(path: string, text: string): Promise<void>;
