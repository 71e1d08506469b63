import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  createRunnerCommands
} from "../chunks/chunk-2YFGOMJD.js";
import {
  describeError
} from "../chunks/chunk-DXOQI3SJ.js";
import {
  commentReport
} from "../chunks/chunk-OMNEKMW3.js";
import {
  imageBuildOutputs
} from "../chunks/chunk-MV4OAWGO.js";
import {
  failedChecksMessage,
  replaceFile,
  reportOutputs,
  reportRun,
  writeReportJson
} from "../chunks/chunk-DSWSRCRZ.js";
import {
  readImageBuildInputs,
  runImageBuild
} from "../chunks/chunk-4KUHXWPE.js";
import {
  renderSummaryMarkdown
} from "../chunks/chunk-IIN76MOW.js";
import "../chunks/chunk-2PT4JQTW.js";
import "../chunks/chunk-BRXSFSZD.js";
import "../chunks/chunk-JSZ6ZCTY.js";
import {
  actionsCacheClient
} from "../chunks/chunk-VZOV2WUC.js";
import "../chunks/chunk-GRZBPOVS.js";
import "../chunks/chunk-H36VPZJ7.js";
import "../chunks/chunk-EA36FCXJ.js";
import "../chunks/chunk-H5I7P22Y.js";
import "../chunks/chunk-3SHOVWDN.js";
import {
  UNTRIMMED_INPUTS
} from "../chunks/chunk-IOKZEECY.js";
import "../chunks/chunk-RVOSA46I.js";
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
