import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { CachePlan, LocalCacheLayout } from './types.js';
/** The two calls of @actions/cache the local preset needs; tests and the CLI can swap them. */
export interface ActionsCacheClient {
    /** Returns the key that matched (primary or a restore-key prefix), or undefined on a miss. */
    restoreCache(paths: string[], primaryKey: string, restoreKeys: string[]): Promise<string | undefined>;
    saveCache(paths: string[], key: string): Promise<number>;
}
/** Wraps @actions/cache, loaded on first use so library users without the cache service never load it. */
export declare const actionsCacheClient: ActionsCacheClient;
/** What the post step needs to save the cache: JSON-serialisable, for core.saveState/getState. */
export interface LocalCacheState {
    layout: LocalCacheLayout;
    primaryKey: string;
    restoreKeys: string[];
    /** The key restored, if any; equal to primaryKey means nothing new to save. */
    matchedKey?: string;
    /** engine-images mode: the inline-cache images to `docker save`. */
    images: string[];
    docker: string;
}
/** Lock files in the build context (three levels deep, skipping VCS and dependency folders), sorted. */
export declare function findLockFiles(context: string, depth?: number): string[];
/**
 * Keys for the Actions cache: the primary key changes with the Dockerfile or any lock file, so a
 * dependency change saves a new entry; the restore key falls back to the image's latest entry.
 */
export declare function localCacheKeys(image: string, dockerfile: string, lockFiles: readonly {
    path: string;
    content: string;
}[]): {
    primaryKey: string;
    restoreKeys: string[];
};
export interface LocalCacheOptions {
    client: ActionsCacheClient;
    runner: CommandRunner;
    env: NodeJS.ProcessEnv;
    logger: Logger;
    docker: string;
}
/**
 * The main step's half of the `local` preset: restore the directory from the Actions cache and, for
 * the classic builder, load the saved cache images into the engine. Returns the state for the post step.
 */
export declare function restoreLocalCache(plan: CachePlan, keys: {
    image: string;
    dockerfile: string;
    context: string;
    dockerfilePath?: string;
}, options: LocalCacheOptions): Promise<LocalCacheState | undefined>;
/**
 * The post step's half: save what the last build used, replacing (never adding to) the previous
 * cache, so it cannot grow without bound. An exact hit saves nothing (the entry already exists and
 * keys are immutable), and a build that exported nothing leaves the restored cache untouched.
 */
export declare function saveLocalCache(state: LocalCacheState, options: LocalCacheOptions): Promise<'saved' | 'skipped'>;
