import { readImageBuildInputs } from '../pipeline/inputs.js';
import { localCacheClient } from '../pipeline/local-cache.js';
import { imageBuildOutputs } from '../pipeline/outputs.js';
import { runPost } from '../pipeline/post.js';
import { renderRunReport } from '../pipeline/report.js';
import { runImageBuild, type PostState } from '../pipeline/run.js';
import { InputError } from '../util/errors.js';
import type { CommandRunner } from '../util/exec.js';
import { replaceFile } from '../util/replace-file.js';
import { cliInputs } from './inputs.js';
import { EXIT, signalExitCode, type CommandContext } from './context.js';
import { printOutputs } from './outputs.js';

/**
 * `build` and `promote`: the action's main step and its post step in one process. Whatever happens
 * (a failure, Ctrl-C), the post step runs: the `local` cache is saved, ECR is logged out of and its
 * temporary Docker config removed.
 */
export async function runImageCommand(context: CommandContext): Promise<number> {
  const { io, command, terminal } = context;
  const { read, warnings } = cliInputs(command, context.values, io.env);
  warnings.forEach((warning) => terminal.logger.warning(warning));
  const inputs = readImageBuildInputs(read);
  if (command.name === 'promote' && !inputs.publish.promoteFrom) {
    throw new InputError('promote-from', `${command.name} needs --promote-from image:tag (or image@digest)`);
  }
  const actionsCache = io.pipeline?.actionsCache ?? localCacheClient(io.env);
  let state: PostState = {};
  try {
    const result = await runImageBuild(inputs, {
      ...io.pipeline,
      env: io.env,
      runner: abortable(io.runner, io.signal),
      logger: terminal.logger,
      cwd: io.cwd,
      actionsCache,
      saveState: (saved) => (state = saved),
      onPhase: (phase, subject) => terminal.phase(phase, subject),
    });
    const outputs = imageBuildOutputs(result, inputs.metadata);
    terminal.phase('report');
    const markdown = await renderRunReport(result, {
      runner: io.runner,
      logger: terminal.logger,
      env: io.env,
    });
    if (inputs.reportFile) {
      await replaceFile(inputs.reportFile, markdown);
      terminal.logger.info(`report written to ${inputs.reportFile}`);
    }
    printOutputs(context, { ...outputs, report: markdown }, markdown);
    return io.signal?.aborted ? signalExitCode(io.signal) : EXIT.ok;
  } finally {
    // The post step's own runner: the aborted one would refuse to start `docker logout`.
    await runPost(state, { env: io.env, runner: io.runner, logger: terminal.logger, actionsCache });
  }
}

/** The runner, with every command stopped when the signal aborts (Ctrl-C). */
export function abortable(runner: CommandRunner, signal: AbortSignal | undefined): CommandRunner {
  if (!signal) return runner;
  return { run: (file, args, options) => runner.run(file, args, { ...options, signal }) };
}
