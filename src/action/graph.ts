// The main action's graph mode (`images-file`): the images file built, or only planned, in one step.
import { actionsCacheClient } from '../cache/index.js';
import { graphJson, renderPlanLines, reportGraph, runGraphSettled } from '../pipeline/graph-run.js';
import { readGraphRunInputs, type GraphInputs } from '../pipeline/graph-inputs.js';
import { planGraph, type GraphDeps } from '../pipeline/graph.js';
import type { PostState } from '../pipeline/image-build.js';
import type { ReadInput } from '../pipeline/inputs.js';
import { imageBuildOutputs } from '../pipeline/outputs.js';
import { keepPostState, serializePostStates } from '../pipeline/post.js';
import { commentReport } from '../pipeline/report-comment.js';
import { failedChecksMessage, reportOutputs, writeReportJson } from '../pipeline/report.js';
import { processRunner } from '../util/exec.js';
import { replaceFile } from '../util/replace-file.js';
import type { RunnerCommands } from './runner.js';

/**
 * Builds (or with `plan`, only plans) the images file. Outputs: `graph` (every row) or `plan`; the
 * single-image outputs are those of the one image a matrix job built (`only` with one name), else
 * empty. The report goes to the job summary and `report-file`; a failed image fails the step after
 * the others are published and reported, naming the failed and skipped images.
 */
export async function runGraphAction(
  read: ReadInput,
  graph: GraphInputs & { imagesFile: string },
  runner: RunnerCommands,
): Promise<void> {
  const { logger } = runner;
  const cwd = process.cwd();
  const { file, registry, shared: inputs } = readGraphRunInputs(read, graph.imagesFile, cwd);
  let states: PostState[] = [];
  const deps: GraphDeps = {
    env: process.env,
    runner: processRunner,
    logger,
    cwd,
    actionsCache: actionsCacheClient,
    // One state for the post step: every image's, saved again whenever one grows (the last save wins).
    saveState: (state) => {
      states = keepPostState(states, state);
      runner.saveState('post', serializePostStates(states));
    },
  };
  const options = { file, read, ...(registry && { registry }) };

  if (graph.plan) {
    const plan = await planGraph(options, deps);
    for (const line of renderPlanLines(plan)) logger.info(line);
    runner.setOutput('plan', JSON.stringify(plan));
    return;
  }

  const { result, failed } = await runGraphSettled(
    { ...options, only: graph.only, concurrency: graph.concurrency, reuse: graph.reuse },
    deps,
  );
  runner.setOutput('graph', graphJson(result));
  const { reports, markdown } = await reportGraph(
    result,
    inputs,
    { runner: processRunner, logger, env: process.env, cwd },
    { file: graph.imagesFile },
  );
  // A matrix job builds one image: its outputs are that image's, as a single-image run's would be.
  const [only] = result.images.size === 1 ? [...result.images] : [];
  const onlyReport = only && reports.get(only[0]);
  if (only && onlyReport) {
    for (const [name, value] of Object.entries(imageBuildOutputs(only[1], inputs.metadata)))
      runner.setOutput(name, value);
    const json = await writeReportJson(onlyReport, { tempRoot: process.env.RUNNER_TEMP });
    for (const [name, value] of Object.entries(reportOutputs(onlyReport, { json, markdown })))
      runner.setOutput(name, value);
  } else {
    runner.setOutput('report-markdown', markdown);
  }
  if (inputs.reportFile) await replaceFile(inputs.reportFile, markdown);
  if (inputs.summary) runner.appendSummary(markdown);
  const context = [...result.images.values()][0]?.context;
  if (context) {
    await commentReport([...reports.values()], {
      enabled: inputs.report.comment,
      eventName: context.eventName,
      payload: context.payload,
      env: process.env,
      token: inputs.metadata.githubToken,
      logger,
    });
  }
  if (failed) {
    runner.setFailed(failed.message);
    return;
  }
  // Checks at level `fail` fail the step last: every image is published and reported by now.
  const done = inputs.publish.push ? 'published and reported' : 'built and reported';
  const checks = [...reports.values()].flatMap((report) => failedChecksMessage(report, done) ?? []);
  if (checks.length) runner.setFailed(checks.join('\n'));
}
