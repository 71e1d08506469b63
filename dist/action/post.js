import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createRunnerCommands
} from "../chunks/chunk-2YFGOMJD.js";
import {
  parsePostState,
  runPost
} from "../chunks/chunk-GKR24YA5.js";
import "../chunks/chunk-Y5GTDXKA.js";
import "../chunks/chunk-NC6TKLXZ.js";
import "../chunks/chunk-7RYLJHA4.js";
import {
  actionsCacheClient
} from "../chunks/chunk-WQKDLGQ5.js";
import "../chunks/chunk-LMFJZTF2.js";
import {
  processRunner
} from "../chunks/chunk-AVJTY6O7.js";
import "../chunks/chunk-IZW44F23.js";
import "../chunks/chunk-EHNN3ETZ.js";

// src/action/post.ts
var runner = createRunnerCommands();
Promise.resolve().then(
  () => runPost(parsePostState(runner.getState("post")), {
    env: process.env,
    runner: processRunner,
    logger: runner.logger,
    actionsCache: actionsCacheClient
  })
).catch((error) => runner.logger.warning(`post step: ${error.message}`));
