import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createRunnerCommands
} from "../chunks/chunk-2YFGOMJD.js";
import {
  describeError
} from "../chunks/chunk-DXOQI3SJ.js";
import {
  runTagsAction
} from "../chunks/chunk-S2PX74AY.js";
import {
  UNTRIMMED_INPUTS
} from "../chunks/chunk-DNMQM3EE.js";
import {
  processRunner
} from "../chunks/chunk-AVJTY6O7.js";
import "../chunks/chunk-IZW44F23.js";
import "../chunks/chunk-TAYKLYQA.js";
import "../chunks/chunk-EHNN3ETZ.js";

// src/action/tags-main.ts
var runner = createRunnerCommands();
runTagsAction(
  {
    getInput: (name) => runner.getInput(name, { trimWhitespace: !UNTRIMMED_INPUTS.has(name) }),
    setOutput: runner.setOutput,
    exportVariable: runner.exportVariable,
    logger: runner.logger
  },
  { env: process.env, runner: processRunner }
).catch((error) => {
  let described = describeError(error);
  described.stack && runner.logger.debug(described.stack), runner.setFailed(described.internal && described.stack ? described.stack : described.message);
});
