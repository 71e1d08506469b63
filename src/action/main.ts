// Entry of the main action: inputs → the library → outputs, job summary and post-step state; with
// `images-file`, the graph of images instead (./graph.ts).
import { actionsCacheClient } from '../cache/index.js';
import { describeError } from '../pipeline/errors.js';
import { checkSingleImageInputs, readGraphInputs } from '../pipeline/graph-inputs.js';
import { UNTRIMMED_INPUTS } from '../pipeline/input-spec.js';
import { readImageBuildInputs } from '../pipeline/inputs.js';
import { imageBuildOutputs } from '../pipeline/outputs.js';
import { commentReport } from '../pipeline/report-comment.js';
import { failedChecksMessage, reportOutputs, reportRun, writeReportJson } from '../pipeline/report.js';
import { renderSummaryMarkdown } from '../report/index.js';
import { runImageBuild } from '../pipeline/image-build.js';
import { processRunner } from '../util/exec.js';
import { replaceFile } from '../util/replace-file.js';
import { createRunnerCommands } from './runner.js';

const runner = createRunnerCommands();

async function main(): Promise<void> {
  const { logger } = runner;
  const read = (name: string) => runner.getInput(name, { trimWhitespace: !UNTRIMMED_INPUTS.has(name) });
  const graph = readGraphInputs(read);
  if (graph.imagesFile) {
    // Loaded only for a graph: a single image's run does not pay for the images file's parser.
    const { runGraphAction } = await import('./graph.js');
    return runGraphAction(read, { ...graph, imagesFile: graph.imagesFile }, runner);
  }
  checkSingleImageInputs(graph);
  const inputs = readImageBuildInputs(read);
  const result = await runImageBuild(inputs, {
    env: process.env,
    runner: processRunner,
    logger,
    actionsCache: actionsCacheClient,
    saveState: (state) => runner.saveState('post', JSON.stringify(state)),
  });
  for (const [name, value] of Object.entries(imageBuildOutputs(result, inputs.metadata)))
    runner.setOutput(name, value);

  const report = await reportRun(result, inputs, { runner: processRunner, logger, env: process.env });
  const markdown = renderSummaryMarkdown(report);
  const json = await writeReportJson(report, { tempRoot: process.env.RUNNER_TEMP });
  for (const [name, value] of Object.entries(reportOutputs(report, { json, markdown })))
    runner.setOutput(name, value);
  if (inputs.reportFile) await replaceFile(inputs.reportFile, markdown);
  if (inputs.summary) runner.appendSummary(markdown);
  await commentReport([report], {
    enabled: inputs.report.comment,
    eventName: result.context.eventName,
    payload: result.context.payload,
    env: process.env,
    token: inputs.metadata.githubToken,
    logger,
  });
  // Checks at level `fail` fail the step last: the image is published and reported by now.
  const failed = failedChecksMessage(
    report,
    result.publish ? 'published and reported' : 'built and reported',
  );
  if (failed) runner.setFailed(failed);
}

main().catch((error: unknown) => {
  // An expected failure reads as its message (and the builder's last lines); the stack is for step
  // debug logging, and shown by default only when the failure is a bug of ours.
  const described = describeError(error);
  if (described.stack) runner.logger.debug(described.stack);
  const text = described.internal && described.stack ? described.stack : described.message;
  runner.setFailed(described.output ? `${text}\n${described.output}` : text);
});
