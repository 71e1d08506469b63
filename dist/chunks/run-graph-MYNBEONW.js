import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  abortable
} from "./chunk-EXPYT6YI.js";
import {
  cliInputs
} from "./chunk-X4LPJ4LF.js";
import "./chunk-TLPKESGC.js";
import {
  EXIT,
  signalExitCode
} from "./chunk-MI6AKWB5.js";
import {
  readGraphInputs,
  readGraphRunInputs
} from "./chunk-VNGL6QUX.js";
import {
  graphJson,
  planGraph,
  renderPlanLines,
  reportGraph,
  runGraphSettled
} from "./chunk-OWGMYY6K.js";
import "./chunk-L3H4YKGG.js";
import {
  localCacheClient
} from "./chunk-O2WHQVRQ.js";
import {
  replaceFile
} from "./chunk-Y3AX2O6C.js";
import "./chunk-LDRL4NVG.js";
import "./chunk-D24LKZC6.js";
import "./chunk-P24YWDYR.js";
import {
  keepPostState,
  runPosts
} from "./chunk-FDPCAI2N.js";
import "./chunk-HDGPXKQO.js";
import "./chunk-Q7USVIHK.js";
import "./chunk-GRZBPOVS.js";
import "./chunk-MUA3NJ56.js";
import "./chunk-IWQOLGT7.js";
import "./chunk-RVOSA46I.js";
import "./chunk-DSVLZ5QC.js";
import "./chunk-H5I7P22Y.js";
import {
  InputError
} from "./chunk-IZW44F23.js";
import "./chunk-TAYKLYQA.js";
import "./chunk-L27B2LXP.js";
import "./chunk-EHNN3ETZ.js";

// src/cli/run-graph.ts
function readGraphFlags(context) {
  let { values, io } = context;
  (values.get("only") ?? []).forEach((name, index) => {
    if (!name.trim()) throw new InputError("only", "an image name is empty", { line: index + 1 });
  });
  let { read, warnings } = cliInputs(context.command, values, io.env);
  warnings.forEach((warning) => context.terminal.logger.warning(warning));
  let graph = readGraphInputs(read), { file, registry, shared } = readGraphRunInputs(read, graph.imagesFile ?? "image-build.yml", io.cwd);
  return {
    file,
    only: graph.only,
    concurrency: graph.concurrency,
    reuse: graph.reuse,
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
    saveState: (state) => states = keepPostState(states, state)
  }, graph = {
    file: options.file,
    read: options.read,
    ...options.registry && { registry: options.registry }
  };
  if (command.name === "plan") {
    terminal.phase("checks", options.file);
    let plan = await planGraph(graph, deps);
    return context.json ? io.stdout.write(`${JSON.stringify(plan, null, 2)}
`) : io.stdout.write(`${renderPlanLines(plan).join(`
`)}
`), EXIT.ok;
  }
  terminal.phase("build", options.file);
  try {
    let { result, failed } = await runGraphSettled(
      { ...graph, only: options.only, concurrency: options.concurrency, reuse: options.reuse },
      deps
    );
    terminal.phase("report");
    let { table, markdown } = await reportGraph(
      result,
      options.inputs,
      { runner: io.runner, logger: terminal.logger, env: io.env },
      { file: options.file }
    );
    if (options.reportFile && (await replaceFile(options.reportFile, markdown), terminal.logger.info(`report written to ${options.reportFile}`)), context.json ? io.stdout.write(`${graphJson(result, 2)}
`) : io.stdout.write(`${table}
`), failed) throw failed;
    return io.signal?.aborted ? signalExitCode(io.signal) : EXIT.ok;
  } finally {
    await runPosts(states, { env: io.env, runner: io.runner, logger: terminal.logger, actionsCache });
  }
}
export {
  readGraphFlags,
  runGraphCommand
};
