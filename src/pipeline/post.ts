import { saveLocalCache, type ActionsCacheClient, type LocalCacheState } from '../cache/index.js';
import { ecrLogout, parseEcrLoginState } from '../ecr/login.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { PostState } from './image-build-types.js';

export interface PostDeps {
  env: NodeJS.ProcessEnv;
  runner: CommandRunner;
  logger: Logger;
  actionsCache: ActionsCacheClient;
}

/** Reads the main step's saved state back; anything malformed is treated as nothing to do. */
export function parsePostState(json: string): PostState {
  if (!json) return {};
  const value = JSON.parse(json) as { ecrLogin?: unknown; localCache?: unknown };
  const ecrLogin = value.ecrLogin ? parseEcrLoginState(JSON.stringify(value.ecrLogin)) : undefined;
  const localCache = value.localCache as LocalCacheState | undefined;
  return { ...(ecrLogin && { ecrLogin }), ...(localCache?.primaryKey && { localCache }) };
}

/**
 * The post step (runs even when main failed): save the `local` cache, then log out of ECR and delete
 * the temporary Docker config. Each part warns instead of failing, so one cannot stop the other.
 */
export async function runPost(state: PostState, deps: PostDeps): Promise<void> {
  const { logger, runner, env } = deps;
  if (state.localCache) {
    try {
      await saveLocalCache(state.localCache, {
        client: deps.actionsCache,
        runner,
        env,
        logger,
        docker: state.localCache.docker,
      });
    } catch (error) {
      logger.warning(`local cache was not saved: ${(error as Error).message}`);
    }
  }
  if (state.ecrLogin) {
    await ecrLogout(state.ecrLogin, { runner, logger, env });
  }
}

/**
 * A graph's images each save their own post state, again each time it grows: the latest copy per
 * image (told apart by its ECR config directory or its cache directory) replaces the one kept.
 */
export function keepPostState(states: readonly PostState[], state: PostState): PostState[] {
  const same = (other: PostState) =>
    (state.ecrLogin && other.ecrLogin?.dockerConfig === state.ecrLogin.dockerConfig) ||
    (state.localCache && other.localCache?.layout.dir === state.localCache.layout.dir);
  const index = states.findIndex(same);
  if (index < 0) return [...states, state];
  return states.map((other, at) => (at === index ? { ...other, ...state } : other));
}

/** The saved state of a graph: every image's post state in one value. */
export function serializePostStates(states: readonly PostState[]): string {
  return JSON.stringify({ images: states });
}

/** The main step's saved state: one image's, or a graph's (`{ images: [...] }`); empty is nothing to do. */
export function parsePostStates(json: string): PostState[] {
  if (!json) return [];
  const value = JSON.parse(json) as { images?: unknown };
  if (!Array.isArray(value.images)) return [parsePostState(json)];
  return value.images.map((state) => parsePostState(JSON.stringify(state)));
}

/**
 * Every image's post step, one after another (they may share the Actions cache service): one that
 * throws is a warning, and the others still run.
 */
export async function runPosts(states: readonly PostState[], deps: PostDeps): Promise<void> {
  for (const state of states) {
    try {
      await runPost(state, deps);
    } catch (error) {
      deps.logger.warning(`post step: ${(error as Error).message}`);
    }
  }
}
