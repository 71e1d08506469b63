import type { ListItem } from '../util/input-list.js';
/** A parsed `--cache-from`/`--cache-to` entry: `type=registry,ref=…,mode=max`. */
export interface CacheSpec {
    type: string;
    attrs: Record<string, string>;
}
/**
 * Parses one raw cache entry as buildx does: CSV `key=value` fields, or a bare image reference
 * (shorthand for `type=registry,ref=<it>`). Throws an InputError naming the input, line and field.
 */
export declare function parseCacheSpec(item: ListItem, input: 'cache-from' | 'cache-to'): CacheSpec;
/** Back to buildx's text form, `type` first. */
export declare function formatCacheSpec(spec: CacheSpec): string;
