import { readImageBuildInputs } from '../pipeline/inputs.js';
import { localCacheClient } from '../pipeline/local-cache.js';
import { imageBuildOutputs } from '../pipeline/outputs.js';
import { runPost } from '../pipeline/post.js';
import { failedChecksMessage, reportOutputs, reportRun, writeReportJson } from '../pipeline/report.js';
import { runImageBuild, type PostState } from '../pipeline/image-build.js';
import { InputError } from '../util/errors.js';
import type { CommandRunner } from '../util/exec.js';
import { inertLine } from '../util/log.js';
import { replaceFile } from '../util/replace-file.js';
import { renderSummaryMarkdown, renderTerminal } from '../report/index.js';
import { dirname, resolve } from 'node:path';
import { cliInputs } from './inputs.js';
import { EXIT, signalExitCode, type CommandContext } from './context.js';
import { printOutputs } from './outputs.js';
import { wantsColor } from './terminal.js';

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
    const report = await reportRun(result, inputs, {
      runner: io.runner,
      logger: terminal.logger,
      env: io.env,
      cwd: io.cwd,
    });
    const markdown = renderSummaryMarkdown(report);
    const reportFile = inputs.reportFile && resolve(io.cwd, inputs.reportFile);
    if (reportFile) {
      await replaceFile(reportFile, markdown);
      terminal.logger.info(`report written to ${inputs.reportFile}`);
    }
    // The JSON report beside the markdown one, else in the working directory.
    const json = await writeReportJson(report, { dir: reportFile ? dirname(reportFile) : io.cwd });
    // A person at a terminal gets the terminal rendering; a pipe or file gets the markdown.
    const shown = (io.stdout as { isTTY?: boolean }).isTTY
      ? renderTerminal(report, { color: wantsColor(io.stdout, io.env) })
      : markdown;
    printOutputs(context, { ...outputs, ...reportOutputs(report, { json, markdown }) }, shown);
    const failed = failedChecksMessage(
      report,
      result.publish ? 'published and reported' : 'built and reported',
    );
    if (failed) {
      terminal.line(`${terminal.style.red('error:')} ${inertLine(failed)}`);
      return EXIT.failed;
    }
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
