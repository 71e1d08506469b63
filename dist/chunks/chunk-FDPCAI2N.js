import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  ecrLogout,
  parseEcrLoginState
} from "./chunk-HDGPXKQO.js";
import {
  saveLocalCache
} from "./chunk-Q7USVIHK.js";

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
function keepPostState(states, state) {
  let same = (other) => state.ecrLogin && other.ecrLogin?.dockerConfig === state.ecrLogin.dockerConfig || state.localCache && other.localCache?.layout.dir === state.localCache.layout.dir, index = states.findIndex(same);
  return index < 0 ? [...states, state] : states.map((other, at) => at === index ? { ...other, ...state } : other);
}
function serializePostStates(states) {
  return JSON.stringify({ images: states });
}
function parsePostStates(json) {
  if (!json) return [];
  let value = JSON.parse(json);
  return Array.isArray(value.images) ? value.images.map((state) => parsePostState(JSON.stringify(state))) : [parsePostState(json)];
}
async function runPosts(states, deps) {
  for (let state of states)
    try {
      await runPost(state, deps);
    } catch (error) {
      deps.logger.warning(`post step: ${error.message}`);
    }
}

export {
  parsePostState,
  runPost,
  keepPostState,
  serializePostStates,
  parsePostStates,
  runPosts
};
