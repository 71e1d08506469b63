import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  ecrLogout,
  parseEcrLoginState
} from "./chunk-HDGPXKQO.js";
import {
  saveLocalCache
} from "./chunk-VZOV2WUC.js";

// src/pipeline/post.ts
function parsePostState(json) {
  if (!json) return {};
  let value = JSON.parse(json), ecrLogin = value.ecrLogin ? parseEcrLoginState(JSON.stringify(value.ecrLogin)) : void 0, localCache = value.localCache;
  return { ...ecrLogin && { ecrLogin }, ...localCache?.primaryKey && { localCache } };
}
async function runPost(state, deps) {
  let { logger, runner, env } = deps;
  if (state.localCache)
    try {
      await saveLocalCache(state.localCache, {
        client: deps.actionsCache,
        runner,
        env,
        logger,
        docker: state.localCache.docker
      });
    } catch (error) {
      logger.warning(`local cache was not saved: ${error.message}`);
    }
  state.ecrLogin && await ecrLogout(state.ecrLogin, { runner, logger, env });
}

export {
  parsePostState,
  runPost
};
