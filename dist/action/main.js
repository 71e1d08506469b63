import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createRunnerCommands
} from "../chunks/chunk-IY3FZ5FM.js";
import {
  UNTRIMMED_INPUTS,
  imageBuildOutputs,
  readImageBuildInputs,
  renderRunReport
} from "../chunks/chunk-L2FWRS7C.js";
import "../chunks/chunk-2PT4JQTW.js";
import {
  runImageBuild
} from "../chunks/chunk-4V2COKR5.js";
import "../chunks/chunk-RVOSA46I.js";
import {
  actionsCacheClient
} from "../chunks/chunk-3ZRYWWEM.js";
import "../chunks/chunk-LMFJZTF2.js";
import "../chunks/chunk-CYWJL6HG.js";
import {
  processRunner
} from "../chunks/chunk-TQ5TNZCH.js";
import {
  InputError
} from "../chunks/chunk-IZW44F23.js";
import "../chunks/chunk-TAYKLYQA.js";
import "../chunks/chunk-EHNN3ETZ.js";

// src/action/main.ts
import { writeFile } from "node:fs/promises";
var runner = createRunnerCommands();
async function main() {
  let { logger } = runner, inputs = readImageBuildInputs(
    (name) => runner.getInput(name, { trimWhitespace: !UNTRIMMED_INPUTS.has(name) })
  ), result = await runImageBuild(inputs, {
    env: process.env,
    runner: processRunner,
    logger,
    actionsCache: actionsCacheClient,
    saveState: (state) => runner.saveState("post", JSON.stringify(state))
  });
  for (let [name, value] of Object.entries(imageBuildOutputs(result, inputs.metadata)))
    runner.setOutput(name, value);
  let markdown = await renderRunReport(result, { runner: processRunner, logger, env: process.env });
  runner.setOutput("report", markdown), inputs.reportFile && await writeFile(inputs.reportFile, markdown), inputs.summary && runner.appendSummary(markdown);
}
main().catch((error) => {
  runner.setFailed(error instanceof InputError ? error.message : error.stack ?? String(error));
});
