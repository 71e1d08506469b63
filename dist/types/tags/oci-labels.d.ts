import type { RepoInfo } from './types.js';
/** The OCI labels metadata-action derives from the repository and the run. */
export declare function ociDefaults(repo: RepoInfo, version: string, created: string, sha: string): string[];
/**
 * Merges `key=value` entries: later entries override earlier ones by key, entries without `=`
 * are dropped, and the result is sorted by key (as metadata-action does for labels and annotations).
 */
export declare function mergeKeyValues(entries: readonly string[]): string[];
/** `key=value` lines as an object (split on the first `=`), as the json and bake outputs hold them. */
export declare function keyValueObject(entries: readonly string[]): Record<string, string>;
