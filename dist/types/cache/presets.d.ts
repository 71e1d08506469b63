import type { Builder } from '../engine/builder.js';
import type { ListItem } from '../util/input-list.js';
import type { CachePlan } from './types.js';
export declare const CACHE_PRESETS: readonly ["auto", "gha", "registry", "local", "inline", "none"];
export type CachePreset = (typeof CACHE_PRESETS)[number];
export interface CacheInputs {
    /** `auto` (default), `gha[=scope]`, `registry[=ref]`, `local[=dir]`, `inline`, `none`. */
    cache: string;
    cacheFrom: ListItem[];
    cacheTo: ListItem[];
}
export interface CacheContext {
    /** Repository the image is pushed to, without tag (`registry/team/app`). Cache refs derive from it. */
    image: string;
    builder: Builder;
    /** Stages that need their own cache image (stagesNeedingCacheImages: names, or indexes if unnamed). */
    stages: string[];
    /** Whether this run may push (cache images are pushed only then). */
    push: boolean;
    /** Set on GitHub Actions when the cache service is reachable (ACTIONS_RUNTIME_TOKEN present). */
    github?: {
        branch?: string;
        defaultBranch?: string;
    };
    /** Parent directory for the `local` preset (the action uses RUNNER_TEMP). */
    localRoot: string;
    /**
     * SOURCE_DATE_EPOCH is set: the build must give the same image twice, so the classic builder's
     * inline cache records (whose order changes between builds) go to a separate cache image.
     */
    reproducible?: boolean;
    /**
     * The tags of `image`'s repository when they were read before the build (a publishing run): a cache
     * ref of that repository that is not among them is not imported, which saves the builder a lookup.
     */
    existingTags?: readonly string[];
}
/** A cache scope/key fragment from an image or branch name: `[A-Za-z0-9._-]` only. */
export declare function slug(text: string): string;
export declare function parseCachePreset(cache: string): {
    preset: CachePreset;
    value?: string;
};
/**
 * Turns the `cache` preset and raw `cache-from`/`cache-to` into what the builder must do. Pure: the
 * builder's abilities come from detection, and every downgrade is listed in `notices`.
 */
export declare function resolveCache(inputs: CacheInputs, context: CacheContext): CachePlan;
