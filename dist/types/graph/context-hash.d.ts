import type { FileDigestCache } from './digest-cache.js';
/** What a build context holds once the ignore file has dropped what the builder never sees. */
export interface ContextDigest {
    /** sha256 hex over every entry's path, type, mode and content. */
    digest: string;
    /** The ignore file that applied (absolute path), if any. */
    ignoreFile?: string;
    files: number;
    bytes: number;
}
/**
 * The ignore file BuildKit applies: `<Dockerfile name>.dockerignore` beside the Dockerfile when there
 * is one (both builders here are BuildKit), else `.dockerignore` at the root of the context.
 */
export declare function findIgnoreFile(context: string, dockerfile?: string): Promise<string | undefined>;
/** Patterns as Docker reads them: `#` comments and blank lines dropped, `/` and `./` prefixes removed. */
export declare function ignorePatterns(text: string): string[];
/**
 * Hashes a build context the way COPY and ADD can see it: every entry the ignore file leaves in, with
 * its path, type, permission bits and content (a symlink: its target). Not the whole reachable set of
 * one COPY but everything any COPY could read, so a change the build can see always changes the
 * digest; a file the ignore file drops never does. Ownership and times are left out: COPY resets
 * ownership to root and BuildKit's cache keys ignore times.
 */
export declare function hashContext(context: string, dockerfile?: string, 
/** Digests of files unchanged since an earlier run, by their stat (see FileDigestCache). */
cache?: FileDigestCache): Promise<ContextDigest>;
