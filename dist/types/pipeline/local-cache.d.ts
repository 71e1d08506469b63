import { type ActionsCacheClient } from '../cache/index.js';
/**
 * Where `local` caches live: the runner's temporary directory on GitHub Actions (the Actions cache
 * carries it between jobs), otherwise the user's own cache directory, never a directory every user
 * of the machine shares (a fixed /tmp path lets another user plant or read a cache).
 */
export declare function localCacheRoot(env: NodeJS.ProcessEnv): string;
/**
 * Without the Actions cache service, the cache directory itself is what persists between runs: the
 * main step finds it on disk, and the post step's swap of the fresh export into it is the save.
 */
export declare const onDiskCacheClient: ActionsCacheClient;
/** @actions/cache when the run can reach the Actions cache service, else the cache kept on disk. */
export declare function localCacheClient(env: NodeJS.ProcessEnv): ActionsCacheClient;
