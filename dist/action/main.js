import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  checkSingleImageInputs,
  readGraphInputs
} from "../chunks/chunk-VNGL6QUX.js";
import {
  describeError
} from "../chunks/chunk-DXOQI3SJ.js";
import {
  createRunnerCommands
} from "../chunks/chunk-JJCHZKHU.js";
import {
  commentReport
} from "../chunks/chunk-PV4MEAQU.js";
import {
  imageBuildOutputs
} from "../chunks/chunk-L3H4YKGG.js";
import {
  runImageBuild
} from "../chunks/chunk-O2WHQVRQ.js";
import {
  failedChecksMessage,
  replaceFile,
  reportOutputs,
  reportRun,
  writeReportJson
} from "../chunks/chunk-Y3AX2O6C.js";
import "../chunks/chunk-LDRL4NVG.js";
import {
  readImageBuildInputs,
  renderSummaryMarkdown
} from "../chunks/chunk-D24LKZC6.js";
import "../chunks/chunk-P24YWDYR.js";
import {
  actionsCacheClient
} from "../chunks/chunk-Q7USVIHK.js";
import "../chunks/chunk-GRZBPOVS.js";
import "../chunks/chunk-MUA3NJ56.js";
import {
  UNTRIMMED_INPUTS
} from "../chunks/chunk-IWQOLGT7.js";
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
  let { logger } = runner, read = (name) => runner.getInput(name, { trimWhitespace: !UNTRIMMED_INPUTS.has(name) }), graph = readGraphInputs(read);
  if (graph.imagesFile) {
    let { runGraphAction } = await import("../chunks/graph-KSTCKZPU.js");
    return runGraphAction(read, { ...graph, imagesFile: graph.imagesFile }, runner);
  }
  checkSingleImageInputs(graph);
  let inputs = readImageBuildInputs(read), result = await runImageBuild(inputs, {
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
