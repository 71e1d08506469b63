import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  readGraphRunInputs
} from "./chunk-VNGL6QUX.js";
import {
  graphJson,
  planGraph,
  renderPlanLines,
  reportGraph,
  runGraphSettled
} from "./chunk-OWGMYY6K.js";
import {
  commentReport
} from "./chunk-PV4MEAQU.js";
import {
  imageBuildOutputs
} from "./chunk-L3H4YKGG.js";
import "./chunk-O2WHQVRQ.js";
import {
  failedChecksMessage,
  replaceFile,
  reportOutputs,
  writeReportJson
} from "./chunk-Y3AX2O6C.js";
import "./chunk-LDRL4NVG.js";
import "./chunk-D24LKZC6.js";
import "./chunk-P24YWDYR.js";
import {
  keepPostState,
  serializePostStates
} from "./chunk-FDPCAI2N.js";
import "./chunk-HDGPXKQO.js";
import {
  actionsCacheClient
} from "./chunk-Q7USVIHK.js";
import "./chunk-GRZBPOVS.js";
import "./chunk-MUA3NJ56.js";
import "./chunk-IWQOLGT7.js";
import "./chunk-RVOSA46I.js";
import "./chunk-DSVLZ5QC.js";
import "./chunk-H5I7P22Y.js";
import "./chunk-IZW44F23.js";
import "./chunk-TAYKLYQA.js";
import {
  processRunner
} from "./chunk-L27B2LXP.js";
import "./chunk-EHNN3ETZ.js";

// src/action/graph.ts
async function runGraphAction(read, graph, runner) {
  let { logger } = runner, cwd = process.cwd(), { file, registry, shared: inputs } = readGraphRunInputs(read, graph.imagesFile, cwd), states = [], deps = {
    env: process.env,
    runner: processRunner,
    logger,
    cwd,
    actionsCache: actionsCacheClient,
    // One state for the post step: every image's, saved again whenever one grows (the last save wins).
    saveState: (state) => {
      states = keepPostState(states, state), runner.saveState("post", serializePostStates(states));
    }
  }, options = { file, read, ...registry && { registry } };
  if (graph.plan) {
    let plan = await planGraph(options, deps);
    for (let line of renderPlanLines(plan)) logger.info(line);
    runner.setOutput("plan", JSON.stringify(plan));
    return;
  }
  let { result, failed } = await runGraphSettled(
    { ...options, only: graph.only, concurrency: graph.concurrency, reuse: graph.reuse },
    deps
  );
  runner.setOutput("graph", graphJson(result));
  let { reports, markdown } = await reportGraph(
    result,
    inputs,
    { runner: processRunner, logger, env: process.env, cwd },
    { file: graph.imagesFile }
  ), [only] = result.images.size === 1 ? [...result.images] : [], onlyReport = only && reports.get(only[0]);
  if (only && onlyReport) {
    for (let [name, value] of Object.entries(imageBuildOutputs(only[1], inputs.metadata)))
      runner.setOutput(name, value);
    let json = await writeReportJson(onlyReport, { tempRoot: process.env.RUNNER_TEMP });
    for (let [name, value] of Object.entries(reportOutputs(onlyReport, { json, markdown })))
      runner.setOutput(name, value);
  } else
    runner.setOutput("report-markdown", markdown);
  inputs.reportFile && await replaceFile(inputs.reportFile, markdown), inputs.summary && runner.appendSummary(markdown);
  let context = [...result.images.values()][0]?.context;
  if (context && await commentReport([...reports.values()], {
    enabled: inputs.report.comment,
    eventName: context.eventName,
    payload: context.payload,
    env: process.env,
    token: inputs.metadata.githubToken,
    logger
  }), failed) {
    runner.setFailed(failed.message);
    return;
  }
  let done = inputs.publish.push ? "published and reported" : "built and reported", checks = [...reports.values()].flatMap((report) => failedChecksMessage(report, done) ?? []);
  checks.length && runner.setFailed(checks.join(`
`));
}
export {
  runGraphAction
};
