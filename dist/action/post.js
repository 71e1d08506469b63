import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createRunnerCommands
} from "../chunks/chunk-IY3FZ5FM.js";
import {
  parsePostState,
  runPost
} from "../chunks/chunk-MH7MZDJU.js";
import "../chunks/chunk-H6CBHHC6.js";
import "../chunks/chunk-UVQWRFO5.js";
import {
  actionsCacheClient
} from "../chunks/chunk-3ZRYWWEM.js";
import "../chunks/chunk-LMFJZTF2.js";
import {
  processRunner
} from "../chunks/chunk-TQ5TNZCH.js";
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
