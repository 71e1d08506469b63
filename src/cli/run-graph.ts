import { graphJson, renderPlanLines, reportGraph, runGraphSettled } from '../pipeline/graph-run.js';
import { readGraphInputs, readGraphRunInputs } from '../pipeline/graph-inputs.js';
import { planGraph, type GraphDeps } from '../pipeline/graph.js';
import type { ReadInput } from '../pipeline/inputs.js';
import type { ImageBuildInputs } from '../pipeline/inputs.js';
import { localCacheClient } from '../pipeline/local-cache.js';
import { keepPostState, runPosts } from '../pipeline/post.js';
import type { PostState } from '../pipeline/image-build.js';
import { InputError } from '../util/errors.js';
import { replaceFile } from '../util/replace-file.js';
import { EXIT, signalExitCode, type CommandContext } from './context.js';
import { cliInputs } from './inputs.js';
import { abortable } from './run-image.js';

/** What `graph` and `plan` hand the graph library (src/pipeline/graph.ts: runGraph, planGraph). */
export interface GraphCommandOptions {
  file: string;
  only: string[];
  concurrency: number;
  reuse: boolean;
  registry?: string;
  read: ReadInput;
  reportFile?: string;
  /** The inputs every image shares (the report's among them). */
  inputs: ImageBuildInputs;
}

/** Checks the flags of `graph` and `plan` before the images file is read. */
export function readGraphFlags(context: CommandContext): GraphCommandOptions {
  const { values, io } = context;
  // `--only "$IMAGE"` with an empty variable would otherwise mean every image: said, not built.
  (values.get('only') ?? []).forEach((name, index) => {
    if (!name.trim()) throw new InputError('only', 'an image name is empty', { line: index + 1 });
  });
  const { read, warnings } = cliInputs(context.command, values, io.env);
  warnings.forEach((warning) => context.terminal.logger.warning(warning));
  // The same parsers as the action's inputs: `--concurrency`, `--reuse`, `--only` are those inputs.
  const graph = readGraphInputs(read);
  // Every input the images' runs share is checked now, as the single-image build checks its own.
  const { file, registry, shared } = readGraphRunInputs(read, graph.imagesFile ?? 'image-build.yml', io.cwd);
  return {
    file,
    only: graph.only,
    concurrency: graph.concurrency,
    reuse: graph.reuse,
    ...(registry && { registry }),
    read,
    ...(shared.reportFile && { reportFile: shared.reportFile }),
    inputs: shared,
  };
}

/**
 * `plan` (the images file as a plan, for a workflow's matrix) and `graph` (build it: parents first,
 * unchanged images reused, one report). Each image's post step runs at the end, whatever happened.
 */
export async function runGraphCommand(context: CommandContext): Promise<number> {
  const { io, terminal, command } = context;
  const options = readGraphFlags(context);
  const actionsCache = io.pipeline?.actionsCache ?? localCacheClient(io.env);
  let states: PostState[] = [];
  const deps: GraphDeps = {
    ...io.pipeline,
    env: io.env,
    runner: abortable(io.runner, io.signal),
    logger: terminal.logger,
    cwd: io.cwd,
    actionsCache,
    saveState: (state) => (states = keepPostState(states, state)),
  };
  const graph = {
    file: options.file,
    read: options.read,
    ...(options.registry && { registry: options.registry }),
  };
  if (command.name === 'plan') {
    terminal.phase('checks', options.file);
    const plan = await planGraph(graph, deps);
    if (context.json) io.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    else io.stdout.write(`${renderPlanLines(plan).join('\n')}\n`);
    return EXIT.ok;
  }

  terminal.phase('build', options.file);
  try {
    const { result, failed } = await runGraphSettled(
      { ...graph, only: options.only, concurrency: options.concurrency, reuse: options.reuse },
      deps,
    );
    terminal.phase('report');
    const { table, markdown } = await reportGraph(
      result,
      options.inputs,
      { runner: io.runner, logger: terminal.logger, env: io.env },
      { file: options.file },
    );
    if (options.reportFile) {
      await replaceFile(options.reportFile, markdown);
      terminal.logger.info(`report written to ${options.reportFile}`);
    }
    if (context.json) io.stdout.write(`${graphJson(result, 2)}\n`);
    else io.stdout.write(`${table}\n`);
    if (failed) throw failed;
    return io.signal?.aborted ? signalExitCode(io.signal) : EXIT.ok;
  } finally {
    await runPosts(states, { env: io.env, runner: io.runner, logger: terminal.logger, actionsCache });
  }
}
