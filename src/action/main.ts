// Entry of the main action: inputs → the library → outputs, job summary and post-step state.
import { writeFile } from 'node:fs/promises';
import { actionsCacheClient } from '../cache/index.js';
import { readImageBuildInputs, UNTRIMMED_INPUTS } from '../pipeline/inputs.js';
import { imageBuildOutputs } from '../pipeline/outputs.js';
import { renderRunReport } from '../pipeline/report.js';
import { runImageBuild } from '../pipeline/run.js';
import { InputError } from '../util/errors.js';
import { processRunner } from '../util/exec.js';
import { createRunnerCommands } from './runner.js';

const runner = createRunnerCommands();

async function main(): Promise<void> {
  const { logger } = runner;
  const inputs = readImageBuildInputs((name) =>
    runner.getInput(name, { trimWhitespace: !UNTRIMMED_INPUTS.has(name) }),
  );
  const result = await runImageBuild(inputs, {
    env: process.env,
    runner: processRunner,
    logger,
    actionsCache: actionsCacheClient,
    saveState: (state) => runner.saveState('post', JSON.stringify(state)),
  });
  for (const [name, value] of Object.entries(imageBuildOutputs(result, inputs.metadata)))
    runner.setOutput(name, value);

  const markdown = await renderRunReport(result, { runner: processRunner, logger, env: process.env });
  runner.setOutput('report', markdown);
  if (inputs.reportFile) await writeFile(inputs.reportFile, markdown);
  if (inputs.summary) runner.appendSummary(markdown);
}

main().catch((error: unknown) => {
  runner.setFailed(error instanceof InputError ? error.message : ((error as Error).stack ?? String(error)));
});
