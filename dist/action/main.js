import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createRunnerCommands
} from "../chunks/chunk-WHIZN67G.js";
import {
  UNTRIMMED_INPUTS,
  imageBuildOutputs,
  readImageBuildInputs,
  registryImageReader,
  renderReportMarkdown,
  reportFor
} from "../chunks/chunk-CVF2XEGW.js";
import "../chunks/chunk-JV5EX6LD.js";
import {
  runImageBuild
} from "../chunks/chunk-V5DCLP4K.js";
import "../chunks/chunk-LMFJZTF2.js";
import {
  actionsCacheClient
} from "../chunks/chunk-566IEBWL.js";
import "../chunks/chunk-6BPQDKH2.js";
import {
  processRunner
} from "../chunks/chunk-AJT6XIIW.js";
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
  for (let [name, value] of Object.entries(imageBuildOutputs(result))) runner.setOutput(name, value);
  let env = {
    ...process.env,
    ...result.state.ecrLogin && { DOCKER_CONFIG: result.state.ecrLogin.dockerConfig }
  }, report = await reportFor(result, registryImageReader({ runner: processRunner, logger, env })), markdown = renderReportMarkdown(report);
  runner.setOutput("report", markdown), inputs.reportFile && await writeFile(inputs.reportFile, markdown), inputs.summary && runner.appendSummary(markdown);
}
main().catch((error) => {
  runner.setFailed(error instanceof InputError ? error.message : error.stack ?? String(error));
});
