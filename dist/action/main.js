import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  describeError
} from "../chunks/chunk-DXOQI3SJ.js";
import {
  createRunnerCommands
} from "../chunks/chunk-JJCHZKHU.js";
import {
  commentReport
} from "../chunks/chunk-P4K4WN7J.js";
import {
  imageBuildOutputs
} from "../chunks/chunk-S7NCRZN3.js";
import {
  readImageBuildInputs,
  runImageBuild
} from "../chunks/chunk-XYK2EBX3.js";
import {
  failedChecksMessage,
  replaceFile,
  reportOutputs,
  reportRun,
  writeReportJson
} from "../chunks/chunk-7IT3DFWG.js";
import {
  renderSummaryMarkdown
} from "../chunks/chunk-62PFAP5H.js";
import "../chunks/chunk-3SHOVWDN.js";
import "../chunks/chunk-2PT4JQTW.js";
import "../chunks/chunk-BRXSFSZD.js";
import "../chunks/chunk-JSZ6ZCTY.js";
import {
  actionsCacheClient
} from "../chunks/chunk-VZOV2WUC.js";
import "../chunks/chunk-GRZBPOVS.js";
import "../chunks/chunk-UF2JH5DV.js";
import "../chunks/chunk-R2RM5ID2.js";
import {
  UNTRIMMED_INPUTS
} from "../chunks/chunk-IOKZEECY.js";
import "../chunks/chunk-RVOSA46I.js";
import "../chunks/chunk-DSVLZ5QC.js";
import "../chunks/chunk-H5I7P22Y.js";
import "../chunks/chunk-IZW44F23.js";
import "../chunks/chunk-TAYKLYQA.js";
import {
  processRunner
} from "../chunks/chunk-L27B2LXP.js";
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
  let report = await reportRun(result, inputs, { runner: processRunner, logger, env: process.env }), markdown = renderSummaryMarkdown(report), json = await writeReportJson(report, { tempRoot: process.env.RUNNER_TEMP });
  for (let [name, value] of Object.entries(reportOutputs(report, { json, markdown })))
    runner.setOutput(name, value);
  inputs.reportFile && await replaceFile(inputs.reportFile, markdown), inputs.summary && runner.appendSummary(markdown), await commentReport([report], {
    enabled: inputs.report.comment,
    eventName: result.context.eventName,
    payload: result.context.payload,
    env: process.env,
    token: inputs.metadata.githubToken,
    logger
  });
  let failed = failedChecksMessage(
    report,
    result.publish ? "published and reported" : "built and reported"
  );
  failed && runner.setFailed(failed);
}
main().catch((error) => {
  let described = describeError(error);
  described.stack && runner.logger.debug(described.stack);
  let text = described.internal && described.stack ? described.stack : described.message;
  runner.setFailed(described.output ? `${text}
${described.output}` : text);
});
