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
