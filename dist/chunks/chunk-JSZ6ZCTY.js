import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  CACHE_PRESETS,
  actionsCacheClient,
  findLockFiles,
  formatCacheSpec,
  localCacheKeys,
  parseCachePreset,
  parseCacheSpec,
  resolveCache,
  restoreLocalCache,
  saveLocalCache
} from "./chunk-VZOV2WUC.js";
import {
  __export
} from "./chunk-EHNN3ETZ.js";

// src/cache/index.ts
var cache_exports = {};
__export(cache_exports, {
  CACHE_PRESETS: () => CACHE_PRESETS,
  actionsCacheClient: () => actionsCacheClient,
  findLockFiles: () => findLockFiles,
  formatCacheSpec: () => formatCacheSpec,
  githubCacheContext: () => githubCacheContext,
  localCacheKeys: () => localCacheKeys,
  parseCachePreset: () => parseCachePreset,
  parseCacheSpec: () => parseCacheSpec,
  resolveCache: () => resolveCache,
  restoreLocalCache: () => restoreLocalCache,
  saveLocalCache: () => saveLocalCache
});

// src/cache/github.ts
function githubCacheContext(env, defaultBranch) {
  return env.GITHUB_ACTIONS !== "true" || !env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL && !env.ACTIONS_CACHE_URL ? void 0 : { branch: env.GITHUB_HEAD_REF || (env.GITHUB_REF_TYPE === "branch" ? env.GITHUB_REF_NAME : void 0) || void 0, defaultBranch };
}

export {
  githubCacheContext,
  cache_exports
};
