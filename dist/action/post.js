import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createRunnerCommands
} from "../chunks/chunk-JJCHZKHU.js";
import {
  parsePostStates,
  runPosts
} from "../chunks/chunk-FDPCAI2N.js";
import "../chunks/chunk-HDGPXKQO.js";
import {
  actionsCacheClient
} from "../chunks/chunk-Q7USVIHK.js";
import "../chunks/chunk-GRZBPOVS.js";
import "../chunks/chunk-DSVLZ5QC.js";
import "../chunks/chunk-H5I7P22Y.js";
import "../chunks/chunk-IZW44F23.js";
import {
  processRunner
} from "../chunks/chunk-L27B2LXP.js";
import "../chunks/chunk-EHNN3ETZ.js";

// src/action/post.ts
var runner = createRunnerCommands();
Promise.resolve().then(
  () => runPosts(parsePostStates(runner.getState("post")), {
    env: process.env,
    runner: processRunner,
    logger: runner.logger,
    actionsCache: actionsCacheClient
  })
).catch((error) => runner.logger.warning(`post step: ${error.message}`));
