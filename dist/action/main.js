import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createActionsLogger
} from "../chunks/chunk-BLTIV6SZ.js";
import {
  UNTRIMMED_INPUTS,
  imageBuildOutputs,
  readImageBuildInputs,
  registryImageReader,
  renderReportMarkdown,
  reportFor
} from "../chunks/chunk-OJWSHRYG.js";
import {
  runImageBuild
} from "../chunks/chunk-V63O6ZRE.js";
import {
  actionsCacheClient
} from "../chunks/chunk-DO45NLPV.js";
import "../chunks/chunk-NC6TKLXZ.js";
import "../chunks/chunk-DTMQYJZV.js";
import "../chunks/chunk-FYC3TZNP.js";
import {
  InputError,
  processRunner
} from "../chunks/chunk-SFZAPECR.js";
import {
  getInput,
  saveState,
  setFailed,
  setOutput,
  summary
} from "../chunks/chunk-NXVKH4IJ.js";
import "../chunks/chunk-TAYKLYQA.js";
import "../chunks/chunk-FNZVPH3E.js";
import "../chunks/chunk-EHNN3ETZ.js";

// src/action/main.ts
import { writeFile } from "node:fs/promises";
async function main() {
  let logger = createActionsLogger(), inputs = readImageBuildInputs(
    (name) => getInput(name, { trimWhitespace: !UNTRIMMED_INPUTS.has(name) })
  ), result = await runImageBuild(inputs, {
    env: process.env,
    runner: processRunner,
    logger,
    actionsCache: actionsCacheClient,
    saveState: (state) => saveState("post", JSON.stringify(state))
  });
  for (let [name, value] of Object.entries(imageBuildOutputs(result))) setOutput(name, value);
  let env = {
    ...process.env,
    ...result.state.ecrLogin && { DOCKER_CONFIG: result.state.ecrLogin.dockerConfig }
  }, report = await reportFor(result, registryImageReader({ runner: processRunner, logger, env })), markdown = renderReportMarkdown(report);
  setOutput("report", markdown), inputs.reportFile && await writeFile(inputs.reportFile, markdown), inputs.summary && process.env.GITHUB_STEP_SUMMARY && await summary.addRaw(markdown).write();
}
main().catch((error) => {
  setFailed(error instanceof InputError ? error.message : error.stack ?? String(error));
});
