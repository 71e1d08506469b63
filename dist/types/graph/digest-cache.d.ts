import type { Stats } from 'node:fs';
/**
 * Content digests of a context's files from an earlier run, trusted while a file's identity and
 * change times are the same: what BuildKit's and git's own stat caches trust. A write always moves
 * ctime (which no tool can set back), so an edited file is read again; so is a file changed within
 * `RACY_MS` of when the cache was written, whose change a coarse clock could hide (git's racy-clean).
 */
export interface FileDigestCache {
    /** The digest recorded for this file, when its stat says it is unchanged since. */
    lookup(path: string, info: Stats): string | undefined;
    record(path: string, info: Stats, digest: string): void;
    /** Writes what was recorded (best effort: a cache that cannot be written is no cache). */
    save(): void;
}
/**
 * The cache of one context directory, kept as JSON in `dir` (image-build's cache directory) under the
 * hash of the context's absolute path. Missing, unreadable or malformed files are an empty cache.
 */
export declare function fileDigestCache(dir: string, context: string, now?: () => number): FileDigestCache;
