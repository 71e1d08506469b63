import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { userCacheDir } from '../util/cache-dir.js';
import { actionsCacheClient, githubCacheContext, type ActionsCacheClient } from '../cache/index.js';

/**
 * Where `local` caches live: the runner's temporary directory on GitHub Actions (the Actions cache
 * carries it between jobs), otherwise the user's own cache directory, never a directory every user
 * of the machine shares (a fixed /tmp path lets another user plant or read a cache).
 */
export function localCacheRoot(env: NodeJS.ProcessEnv): string {
  if (env.RUNNER_TEMP) return join(env.RUNNER_TEMP, 'image-build-cache');
  return userCacheDir(env) ?? join(homedir(), '.cache', 'image-build');
}

/**
 * Without the Actions cache service, the cache directory itself is what persists between runs: the
 * main step finds it on disk, and the post step's swap of the fresh export into it is the save.
 */
export const onDiskCacheClient: ActionsCacheClient = {
  async restoreCache(paths) {
    const [dir] = paths;
    // Any key but the primary one: the post step then always keeps the newest export.
    return hasEntries(dir) ? `on disk (${dir})` : undefined;
  },
  async saveCache() {
    return 0;
  },
};

/** @actions/cache when the run can reach the Actions cache service, else the cache kept on disk. */
export function localCacheClient(env: NodeJS.ProcessEnv): ActionsCacheClient {
  return githubCacheContext(env) ? actionsCacheClient : onDiskCacheClient;
}

function hasEntries(dir: string | undefined): boolean {
  if (!dir) return false;
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}
