import type { ManifestBytes } from '../registry/tag-writer.js';
/**
 * - `pushed`: the builder pushed it (the primary tag);
 * - `written`: one manifest PUT of the same bytes pointed it at the digest;
 * - `unchanged`: it already pointed at the digest (a re-run);
 * - `held-back`: the floating-tag guard kept it where it was;
 * - `superseded`: a moving tag another publish moved on while we ran (it follows the higher version).
 */
export type TagStatus = 'pushed' | 'written' | 'unchanged' | 'held-back' | 'superseded';
export interface TagOutcome {
    tag: string;
    status: TagStatus;
    /** Why it was held back or superseded. */
    reason?: string;
    /** Where the tag points once we are done (checked against the registry). */
    digest?: string;
}
export interface RegistryPublishResult {
    /** `registry/repository`. */
    image: string;
    registry: string;
    repository: string;
    digest: string;
    mediaType: string;
    tags: TagOutcome[];
    /** Cache refs pointed at the image (`cacheRefs`), by tag. */
    cacheTags?: string[];
    /** The published manifest's exact bytes, so nothing has to read them again (reports). */
    manifest: ManifestBytes;
    /** HTTP requests our client sent to this registry (the builder's push not included). */
    requests?: number;
}
export interface PublishResult {
    digest: string;
    /** The version the floating-tag guard compared against. */
    version?: string;
    registries: RegistryPublishResult[];
    /**
     * Held-back and superseded tags, for reports and outputs. Each was already logged as a notice while
     * publishing: callers must not print these again.
     */
    notices: string[];
}
/** `image:tag` for every tag that points at the digest after the publish. */
export declare function publishedReferences(result: PublishResult): string[];
