import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createRunnerCommands
} from "../chunks/chunk-WHIZN67G.js";
import {
  parsePostState,
  runPost
} from "../chunks/chunk-ERQG4PC3.js";
import "../chunks/chunk-CKA3S5NP.js";
import "../chunks/chunk-UVQWRFO5.js";
import {
  actionsCacheClient
} from "../chunks/chunk-566IEBWL.js";
import {
  processRunner
} from "../chunks/chunk-AJT6XIIW.js";
import "../chunks/chunk-IZW44F23.js";
import "../chunks/chunk-EHNN3ETZ.js";

// src/action/post.ts
var runner = createRunnerCommands();
runPost(parsePostState(runner.getState("post")), {
  env: process.env,
  runner: processRunner,
  logger: runner.logger,
  actionsCache: actionsCacheClient
}).catch((error) => runner.logger.warning(`post step: ${error.message}`));
