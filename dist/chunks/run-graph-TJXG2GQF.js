import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  abortable
} from "./chunk-7NKKGS4X.js";
import {
  cliInputs
} from "./chunk-QSOM5PWO.js";
import "./chunk-N5XEAGOV.js";
import {
  EXIT,
  signalExitCode
} from "./chunk-ITN6MEF3.js";
import {
  GraphFailedError,
  planGraph,
  renderGraphTable,
  runGraph
} from "./chunk-LFU3TIMY.js";
import "./chunk-S7NCRZN3.js";
import {
  localCacheClient,
  readImageBuildInputs
} from "./chunk-XYK2EBX3.js";
import {
  replaceFile,
  reportRun
} from "./chunk-7IT3DFWG.js";
import {
  renderSummaryMarkdown
} from "./chunk-62PFAP5H.js";
import "./chunk-3SHOVWDN.js";
import "./chunk-2PT4JQTW.js";
import "./chunk-BRXSFSZD.js";
import {
  runPost
} from "./chunk-YODQ2TNF.js";
import "./chunk-HDGPXKQO.js";
import "./chunk-JSZ6ZCTY.js";
import "./chunk-VZOV2WUC.js";
import "./chunk-GRZBPOVS.js";
import "./chunk-UF2JH5DV.js";
import "./chunk-R2RM5ID2.js";
import "./chunk-IOKZEECY.js";
import {
  parseBoolean
} from "./chunk-RVOSA46I.js";
import {
  inertLine
} from "./chunk-DSVLZ5QC.js";
import "./chunk-H5I7P22Y.js";
import {
  InputError
} from "./chunk-IZW44F23.js";
import "./chunk-TAYKLYQA.js";
import "./chunk-L27B2LXP.js";
import "./chunk-EHNN3ETZ.js";

// src/cli/run-graph.ts
import { statSync } from "node:fs";
import { resolve } from "node:path";
function readGraphFlags(context) {
  let { values, io } = context, single = (name) => values.get(name)?.at(-1), fileFlag = single("images-file") ?? "image-build.yml", file = resolve(io.cwd, fileFlag);
  if (!statSync(file, { throwIfNoEntry: !1 })?.isFile())
    throw new InputError(
      "images-file",
      `"${fileFlag}" is not a file (the images file, image-build.yml by default)`
    );
  let only = values.get("only") ?? [];
  only.forEach((name, index) => {
    if (!name.trim()) throw new InputError("only", "an image name is empty", { line: index + 1 });
  });
  let concurrencyText = single("concurrency") ?? "2";
  if (!/^\d+$/.test(concurrencyText) || Number(concurrencyText) < 1)
    throw new InputError("concurrency", `"${concurrencyText}" is not a whole number of at least 1`);
  let { read, warnings } = cliInputs(context.command, values, io.env);
  warnings.forEach((warning) => context.terminal.logger.warning(warning));
  let shared = readImageBuildInputs(read), registry = read("registry").trim().replace(/\/+$/, "");
  return {
    file,
    only: [...only],
    concurrency: Number(concurrencyText),
    reuse: parseBoolean("reuse", single("reuse") ?? "", !0),
    ...registry && { registry },
    read,
    ...shared.reportFile && { reportFile: shared.reportFile },
    inputs: shared
  };
}
async function runGraphCommand(context) {
  let { io, terminal, command } = context, options = readGraphFlags(context), actionsCache = io.pipeline?.actionsCache ?? localCacheClient(io.env), states = [], deps = {
    ...io.pipeline,
    env: io.env,
    runner: abortable(io.runner, io.signal),
    logger: terminal.logger,
    cwd: io.cwd,
    actionsCache,
    saveState: (state) => keepState(states, state)
  }, graph = {
    file: options.file,
    read: options.read,
    ...options.registry && { registry: options.registry }
  };
  if (command.name === "plan") {
    terminal.phase("checks", options.file);
    let plan = await planGraph(graph, deps);
    return context.json ? io.stdout.write(`${JSON.stringify(plan, null, 2)}
`) : io.stdout.write(`${plan.images.map((image) => planLine(image)).join(`
`)}
`), EXIT.ok;
  }
  terminal.phase("build", options.file);
  try {
    let result, failed;
    try {
      result = await runGraph(
        { ...graph, only: options.only, concurrency: options.concurrency, reuse: options.reuse },
        deps
      );
    } catch (error) {
      if (!(error instanceof GraphFailedError)) throw error;
      failed = error, result = error.result;
    }
    terminal.phase("report");
    let reports = /* @__PURE__ */ new Map();
    for (let row of result.rows) {
      let image = result.images.get(row.name);
      image && reports.set(
        row.name,
        await reportRun(image, options.inputs, {
          runner: io.runner,
          logger: terminal.logger,
          env: io.env,
          dockerfile: !1
        })
      );
    }
    let table = renderGraphTable(result, reports), markdown = [
      `## Images of ${options.file}`,
      "",
      table,
      ...[...reports.values()].map((report) => `
${renderSummaryMarkdown(report)}`)
    ].join(`
`);
    if (options.reportFile && (await replaceFile(options.reportFile, markdown), terminal.logger.info(`report written to ${options.reportFile}`)), context.json) {
      let { images: _images, ...rows } = result;
      io.stdout.write(`${JSON.stringify(rows, null, 2)}
`);
    } else
      io.stdout.write(`${table}
`);
    if (failed) throw failed;
    return io.signal?.aborted ? signalExitCode(io.signal) : EXIT.ok;
  } finally {
    for (let state of states)
      await runPost(state, { env: io.env, runner: io.runner, logger: terminal.logger, actionsCache });
  }
}
function keepState(states, state) {
  let same = (other) => state.ecrLogin && other.ecrLogin?.dockerConfig === state.ecrLogin.dockerConfig || state.localCache && other.localCache?.layout.dir === state.localCache.layout.dir, index = states.findIndex(same);
  index >= 0 ? states[index] = { ...states[index], ...state } : states.push(state);
}
function planLine(image) {
  let state = image.published === !0 ? `published ${image.digest ?? ""}` : image.published === !1 ? "to build" : `unknown: ${image.reason ?? ""}`;
  return inertLine(`level ${image.level}  ${image.name}  ${state}`.trimEnd());
}
export {
  readGraphFlags,
  runGraphCommand
};
