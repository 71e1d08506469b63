import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  replaceFile
} from "../chunks/chunk-7U6PXVRQ.js";
import {
  createRunnerCommands
} from "../chunks/chunk-2YFGOMJD.js";
import {
  describeError
} from "../chunks/chunk-DXOQI3SJ.js";
import {
  imageBuildOutputs,
  renderRunReport
} from "../chunks/chunk-GTZBCIVX.js";
import {
  readImageBuildInputs,
  runImageBuild
} from "../chunks/chunk-XENPY3AT.js";
import "../chunks/chunk-HSBD32W5.js";
import "../chunks/chunk-2PT4JQTW.js";
import {
  actionsCacheClient
} from "../chunks/chunk-3AHURRFX.js";
import "../chunks/chunk-LMFJZTF2.js";
import "../chunks/chunk-V5NXZBP3.js";
import "../chunks/chunk-TJHWOVG4.js";
import "../chunks/chunk-6P52IAYP.js";
import "../chunks/chunk-RVOSA46I.js";
import {
  UNTRIMMED_INPUTS
} from "../chunks/chunk-MHEIIVAK.js";
import {
  processRunner
} from "../chunks/chunk-AVJTY6O7.js";
import "../chunks/chunk-IZW44F23.js";
import "../chunks/chunk-TAYKLYQA.js";
import "../chunks/chunk-EHNN3ETZ.js";

// src/action/main.ts
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
  runner.setOutput("report", markdown), inputs.reportFile && await replaceFile(inputs.reportFile, markdown), inputs.summary && runner.appendSummary(markdown);
}
main().catch((error) => {
  let described = describeError(error);
  described.stack && runner.logger.debug(described.stack);
  let text = described.internal && described.stack ? described.stack : described.message;
  runner.setFailed(described.output ? `${text}
${described.output}` : text);
});
