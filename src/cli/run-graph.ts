import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderGraphTable } from '../pipeline/graph-report.js';
import { GraphFailedError, planGraph, runGraph, type GraphDeps } from '../pipeline/graph.js';
import type { ReadInput } from '../pipeline/inputs.js';
import { readImageBuildInputs, type ImageBuildInputs } from '../pipeline/inputs.js';
import { localCacheClient } from '../pipeline/local-cache.js';
import { runPost } from '../pipeline/post.js';
import { reportRun } from '../pipeline/report.js';
import { renderSummaryMarkdown, type ImageReport } from '../report/index.js';
import type { PostState } from '../pipeline/image-build.js';
import { parseBoolean } from '../util/boolean.js';
import { InputError } from '../util/errors.js';
import { inertLine } from '../util/log.js';
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
  const single = (name: string) => values.get(name)?.at(-1);
  const fileFlag = single('images-file') ?? 'image-build.yml';
  const file = resolve(io.cwd, fileFlag);
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw new InputError(
      'images-file',
      `"${fileFlag}" is not a file (the images file, image-build.yml by default)`,
    );
  }
  const only = values.get('only') ?? [];
  only.forEach((name, index) => {
    if (!name.trim()) throw new InputError('only', 'an image name is empty', { line: index + 1 });
  });
  const concurrencyText = single('concurrency') ?? '2';
  if (!/^\d+$/.test(concurrencyText) || Number(concurrencyText) < 1) {
    throw new InputError('concurrency', `"${concurrencyText}" is not a whole number of at least 1`);
  }
  const { read, warnings } = cliInputs(context.command, values, io.env);
  warnings.forEach((warning) => context.terminal.logger.warning(warning));
  // Every input the images' runs share is checked now, as the single-image build checks its own.
  const shared = readImageBuildInputs(read);
  const registry = read('registry').trim().replace(/\/+$/, '');
  return {
    file,
    only: [...only],
    concurrency: Number(concurrencyText),
    reuse: parseBoolean('reuse', single('reuse') ?? '', true),
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
  const states: PostState[] = [];
  const deps: GraphDeps = {
    ...io.pipeline,
    env: io.env,
    runner: abortable(io.runner, io.signal),
    logger: terminal.logger,
    cwd: io.cwd,
    actionsCache,
    saveState: (state) => keepState(states, state),
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
    else io.stdout.write(`${plan.images.map((image) => planLine(image)).join('\n')}\n`);
    return EXIT.ok;
  }

  terminal.phase('build', options.file);
  try {
    let result;
    let failed: GraphFailedError | undefined;
    try {
      result = await runGraph(
        { ...graph, only: options.only, concurrency: options.concurrency, reuse: options.reuse },
        deps,
      );
    } catch (error) {
      if (!(error instanceof GraphFailedError)) throw error;
      failed = error;
      result = error.result;
    }
    terminal.phase('report');
    const reports = new Map<string, ImageReport>();
    for (const row of result.rows) {
      const image = result.images.get(row.name);
      if (image)
        reports.set(
          row.name,
          await reportRun(image, options.inputs, {
            runner: io.runner,
            logger: terminal.logger,
            env: io.env,
            dockerfile: false,
            storedAnalysis: true,
          }),
        );
    }
    const table = renderGraphTable(result, reports);
    const markdown = [
      `## Images of ${options.file}`,
      '',
      table,
      ...[...reports.values()].map((report) => `\n${renderSummaryMarkdown(report)}`),
    ].join('\n');
    if (options.reportFile) {
      await replaceFile(options.reportFile, markdown);
      terminal.logger.info(`report written to ${options.reportFile}`);
    }
    if (context.json) {
      const { images: _images, ...rows } = result;
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else {
      io.stdout.write(`${table}\n`);
    }
    if (failed) throw failed;
    return io.signal?.aborted ? signalExitCode(io.signal) : EXIT.ok;
  } finally {
    for (const state of states) {
      await runPost(state, { env: io.env, runner: io.runner, logger: terminal.logger, actionsCache });
    }
  }
}

/**
 * Each image's run saves its own post state, again each time it grows: the latest copy per image
 * (told apart by its ECR config directory or its cache directory) is the one its post step gets.
 */
function keepState(states: PostState[], state: PostState): void {
  const same = (other: PostState) =>
    (state.ecrLogin && other.ecrLogin?.dockerConfig === state.ecrLogin.dockerConfig) ||
    (state.localCache && other.localCache?.layout.dir === state.localCache.layout.dir);
  const index = states.findIndex(same);
  if (index >= 0) states[index] = { ...states[index], ...state };
  else states.push(state);
}

function planLine(image: {
  name: string;
  level: number;
  published: boolean | null;
  digest?: string;
  reason?: string;
}): string {
  const state =
    image.published === true
      ? `published ${image.digest ?? ''}`
      : image.published === false
        ? 'to build'
        : `unknown: ${image.reason ?? ''}`;
  return inertLine(`level ${image.level}  ${image.name}  ${state}`.trimEnd());
}
