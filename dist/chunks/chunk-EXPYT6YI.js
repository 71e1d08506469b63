import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  cliInputs
} from "./chunk-X4LPJ4LF.js";
import {
  wantsColor
} from "./chunk-TLPKESGC.js";
import {
  EXIT,
  signalExitCode
} from "./chunk-MI6AKWB5.js";
import {
  imageBuildOutputs
} from "./chunk-L3H4YKGG.js";
import {
  localCacheClient,
  runImageBuild
} from "./chunk-O2WHQVRQ.js";
import {
  failedChecksMessage,
  replaceFile,
  reportOutputs,
  reportRun,
  writeReportJson
} from "./chunk-Y3AX2O6C.js";
import {
  readImageBuildInputs,
  renderSummaryMarkdown,
  renderTerminal
} from "./chunk-D24LKZC6.js";
import {
  runPost
} from "./chunk-FDPCAI2N.js";
import {
  inertLine
} from "./chunk-DSVLZ5QC.js";
import {
  InputError
} from "./chunk-IZW44F23.js";

// src/cli/run-image.ts
import { dirname, resolve } from "node:path";

// src/cli/outputs.ts
function printOutputs(context, outputs, report) {
  let { stdout } = context.io;
  if (context.json) {
    stdout.write(`${JSON.stringify(outputs, null, 2)}
`);
    return;
  }
  let { style } = context.terminal, lines = [], list = (title, text) => {
    let values = (text ?? "").split(`
`).filter(Boolean);
    values.length !== 0 && lines.push(style.bold(title), ...values.map((value) => `  ${inertLine(value)}`));
  };
  outputs.digest && lines.push(`${style.bold("digest")} ${inertLine(outputs.digest)}`), list(outputs.published ? "published" : "tags", outputs.published || outputs.tags), list("held back (the floating-tag guard)", outputs["held-back"]), stdout.write(`${lines.join(`
`)}

${report.trimEnd()}
`);
}

// src/cli/run-image.ts
async function runImageCommand(context) {
  let { io, command, terminal } = context, { read, warnings } = cliInputs(command, context.values, io.env);
  warnings.forEach((warning) => terminal.logger.warning(warning));
  let inputs = readImageBuildInputs(read);
  if (command.name === "promote" && !inputs.publish.promoteFrom)
    throw new InputError("promote-from", `${command.name} needs --promote-from image:tag (or image@digest)`);
  let actionsCache = io.pipeline?.actionsCache ?? localCacheClient(io.env), state = {};
  try {
    let result = await runImageBuild(inputs, {
      ...io.pipeline,
      env: io.env,
      runner: abortable(io.runner, io.signal),
      logger: terminal.logger,
      cwd: io.cwd,
      actionsCache,
      saveState: (saved) => state = saved,
      onPhase: (phase, subject) => terminal.phase(phase, subject)
    }), outputs = imageBuildOutputs(result, inputs.metadata);
    terminal.phase("report");
    let report = await reportRun(result, inputs, {
      runner: io.runner,
      logger: terminal.logger,
      env: io.env,
      cwd: io.cwd
    }), markdown = renderSummaryMarkdown(report), reportFile = inputs.reportFile && resolve(io.cwd, inputs.reportFile);
    reportFile && (await replaceFile(reportFile, markdown), terminal.logger.info(`report written to ${inputs.reportFile}`));
    let json = await writeReportJson(report, { dir: reportFile ? dirname(reportFile) : io.cwd }), shown = io.stdout.isTTY ? renderTerminal(report, { color: wantsColor(io.stdout, io.env) }) : markdown;
    printOutputs(context, { ...outputs, ...reportOutputs(report, { json, markdown }) }, shown);
    let failed = failedChecksMessage(
      report,
      result.publish ? "published and reported" : "built and reported"
    );
    return failed ? (terminal.line(`${terminal.style.red("error:")} ${inertLine(failed)}`), EXIT.failed) : io.signal?.aborted ? signalExitCode(io.signal) : EXIT.ok;
  } finally {
    await runPost(state, { env: io.env, runner: io.runner, logger: terminal.logger, actionsCache });
  }
}
function abortable(runner, signal) {
  return signal ? { run: (file, args, options) => runner.run(file, args, { ...options, signal }) } : runner;
}

export {
  runImageCommand,
  abortable
};
