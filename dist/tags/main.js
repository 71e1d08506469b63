import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createRunnerCommands
} from "../chunks/chunk-IY3FZ5FM.js";
import {
  runTagsAction
} from "../chunks/chunk-CYWJL6HG.js";
import {
  processRunner
} from "../chunks/chunk-TQ5TNZCH.js";
import {
  InputError
} from "../chunks/chunk-IZW44F23.js";
import "../chunks/chunk-TAYKLYQA.js";
import "../chunks/chunk-EHNN3ETZ.js";

// src/action/tags-main.ts
var untrimmed = /* @__PURE__ */ new Set(["sep-tags", "sep-labels", "sep-annotations"]), runner = createRunnerCommands();
runTagsAction(
  {
    getInput: (name) => runner.getInput(name, { trimWhitespace: !untrimmed.has(name) }),
    setOutput: runner.setOutput,
    exportVariable: runner.exportVariable,
    logger: runner.logger
  },
  { env: process.env, runner: processRunner }
).catch((error) => {
  runner.setFailed(error instanceof InputError ? error.message : error.stack ?? String(error));
});
