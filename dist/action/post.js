import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createActionsLogger
} from "../chunks/chunk-BLTIV6SZ.js";
import {
  actionsCacheClient,
  ecrLogout,
  parseEcrLoginState,
  saveLocalCache
} from "../chunks/chunk-DO45NLPV.js";
import "../chunks/chunk-NC6TKLXZ.js";
import {
  processRunner
} from "../chunks/chunk-SFZAPECR.js";
import {
  getState,
  warning
} from "../chunks/chunk-NXVKH4IJ.js";
import "../chunks/chunk-FNZVPH3E.js";
import "../chunks/chunk-EHNN3ETZ.js";

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

// src/action/post.ts
runPost(parsePostState(getState("post")), {
  env: process.env,
  runner: processRunner,
  logger: createActionsLogger(),
  actionsCache: actionsCacheClient
}).catch((error) => warning(`post step: ${error.message}`));
