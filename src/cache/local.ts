import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { CachePlan, LocalCacheLayout } from './types.js';
import { slug } from './presets.js';

/** The two calls of @actions/cache the local preset needs; tests and the CLI can swap them. */
export interface ActionsCacheClient {
  /** Returns the key that matched (primary or a restore-key prefix), or undefined on a miss. */
  restoreCache(paths: string[], primaryKey: string, restoreKeys: string[]): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
}

/** Wraps @actions/cache, loaded on first use so library users without the cache service never load it. */
export const actionsCacheClient: ActionsCacheClient = {
  async restoreCache(paths, primaryKey, restoreKeys) {
    const cache = await import('@actions/cache');
    return cache.restoreCache(paths, primaryKey, restoreKeys);
  },
  async saveCache(paths, key) {
    const cache = await import('@actions/cache');
    return cache.saveCache(paths, key);
  },
};

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

const LOCK_FILE =
  /^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|Pipfile\.lock|uv\.lock|requirements[\w.-]*\.(txt|lock)|go\.sum|Cargo\.lock|Gemfile\.lock|composer\.lock|[\w.-]+\.lock)$/;

/** Lock files in the build context (three levels deep, skipping VCS and dependency folders), sorted. */
export function findLockFiles(context: string, depth = 3): string[] {
  const found: string[] = [];
  const walk = (dir: string, level: number) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry === '.git' || entry === 'node_modules' || entry === '.venv') continue;
      const path = join(dir, entry);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory() && level < depth) walk(path, level + 1);
      else if (stat?.isFile() && LOCK_FILE.test(entry)) found.push(path);
    }
  };
  walk(context, 1);
  return found.sort();
}

/**
 * Keys for the Actions cache: the primary key changes with the Dockerfile or any lock file, so a
 * dependency change saves a new entry; the restore key falls back to the image's latest entry.
 */
export function localCacheKeys(
  image: string,
  dockerfile: string,
  lockFiles: readonly { path: string; content: string }[],
): { primaryKey: string; restoreKeys: string[] } {
  const hash = createHash('sha256').update(dockerfile);
  for (const file of lockFiles) hash.update(`\u0000${file.path}\u0000${file.content}`);
  const prefix = `image-build-${slug(image)}-`;
  return { primaryKey: `${prefix}${hash.digest('hex').slice(0, 20)}`, restoreKeys: [prefix] };
}

export interface LocalCacheOptions {
  client: ActionsCacheClient;
  runner: CommandRunner;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  docker: string;
}

const IMAGES_ARCHIVE = 'images.tar';

/**
 * The main step's half of the `local` preset: restore the directory from the Actions cache and, for
 * the classic builder, load the saved cache images into the engine. Returns the state for the post step.
 */
export async function restoreLocalCache(
  plan: CachePlan,
  keys: { image: string; dockerfile: string; context: string; dockerfilePath?: string },
  options: LocalCacheOptions,
): Promise<LocalCacheState | undefined> {
  const layout = plan.local;
  if (!layout) return undefined;
  const lockFiles = findLockFiles(keys.context).map((path) => ({
    path: relative(keys.context, path),
    content: readFileSync(path, 'utf8'),
  }));
  const { primaryKey, restoreKeys } = localCacheKeys(keys.image, keys.dockerfile, lockFiles);
  const images =
    layout.mode === 'engine-images'
      ? [...plan.stageImages.map((s) => s.ref), ...(plan.finalImage ? [plan.finalImage] : [])]
      : [];
  const state: LocalCacheState = { layout, primaryKey, restoreKeys, images, docker: options.docker };
  mkdirSync(layout.dir, { recursive: true });
  try {
    state.matchedKey = await options.client.restoreCache([layout.dir], primaryKey, restoreKeys);
  } catch (error) {
    options.logger.warning(`local cache: restore failed, building without it: ${(error as Error).message}`);
    return state;
  }
  options.logger.info(
    state.matchedKey
      ? `local cache: restored ${state.matchedKey}`
      : `local cache: no entry for ${primaryKey}`,
  );
  const archive = join(layout.dir, IMAGES_ARCHIVE);
  if (layout.mode === 'engine-images' && existsSync(archive)) {
    const loaded = await options.runner.run(options.docker, ['load', '--input', archive], {
      env: options.env,
    });
    if (loaded.exitCode !== 0)
      options.logger.warning(`local cache: docker load failed: ${loaded.stderr.trim()}`);
  }
  return state;
}

/**
 * The post step's half: save what the last build used, replacing (never adding to) the previous
 * cache, so it cannot grow without bound. An exact hit saves nothing (the entry already exists and
 * keys are immutable), and a build that exported nothing leaves the restored cache untouched.
 */
export async function saveLocalCache(
  state: LocalCacheState,
  options: LocalCacheOptions,
): Promise<'saved' | 'skipped'> {
  const { layout, primaryKey } = state;
  if (state.matchedKey === primaryKey) {
    options.logger.info(`local cache: exact hit on ${primaryKey}; nothing new to save`);
    return 'skipped';
  }
  if (layout.mode === 'engine-images') {
    rmSync(layout.newDir, { recursive: true, force: true });
    mkdirSync(layout.newDir, { recursive: true });
    const saved = await options.runner.run(
      state.docker,
      ['save', '--output', join(layout.newDir, IMAGES_ARCHIVE), ...state.images],
      { env: options.env },
    );
    if (saved.exitCode !== 0) {
      options.logger.warning(
        `local cache: docker save failed, keeping the old cache: ${saved.stderr.trim()}`,
      );
      rmSync(layout.newDir, { recursive: true, force: true });
      return 'skipped';
    }
  } else if (!existsSync(join(layout.newDir, 'index.json'))) {
    options.logger.info('local cache: the build exported no cache; keeping the old one');
    return 'skipped';
  }
  rmSync(layout.dir, { recursive: true, force: true });
  renameSync(layout.newDir, layout.dir);
  let cacheId: number;
  try {
    cacheId = await options.client.saveCache([layout.dir], primaryKey);
  } catch (error) {
    options.logger.warning(`local cache: save failed: ${(error as Error).message}`);
    return 'skipped';
  }
  // @actions/cache reports most failures (another job saving the same key, quota) as id -1.
  if (cacheId === -1) return 'skipped';
  options.logger.info(`local cache: saved ${primaryKey}`);
  return 'saved';
}
