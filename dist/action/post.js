import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createRunnerCommands
} from "../chunks/chunk-2YFGOMJD.js";
import {
  parsePostState,
  runPost
} from "../chunks/chunk-TDKYOIJ3.js";
import "../chunks/chunk-Y5GTDXKA.js";
import "../chunks/chunk-NC6TKLXZ.js";
import "../chunks/chunk-JSZ6ZCTY.js";
import {
  actionsCacheClient
} from "../chunks/chunk-VZOV2WUC.js";
import "../chunks/chunk-GRZBPOVS.js";
import "../chunks/chunk-H5I7P22Y.js";
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
