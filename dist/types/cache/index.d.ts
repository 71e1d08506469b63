export { type ActionsCacheClient, type LocalCacheOptions, type LocalCacheState, actionsCacheClient, findLockFiles, localCacheKeys, restoreLocalCache, saveLocalCache, } from './local.js';
export type { CachePlan, LocalCacheLayout } from './types.js';
export { type CacheContext, type CacheInputs, type CachePreset, CACHE_PRESETS, parseCachePreset, resolveCache, } from './presets.js';
export { type CacheSpec, formatCacheSpec, parseCacheSpec } from './spec.js';
export { githubCacheContext } from './github.js';
