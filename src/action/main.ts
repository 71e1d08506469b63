// Entry of the main action: inputs → the library → outputs, job summary and post-step state.
import { writeFile } from 'node:fs/promises';
import { actionsCacheClient } from '../cache/index.js';
import { registryImageReader } from '../pipeline/image-reader.js';
import { readImageBuildInputs, UNTRIMMED_INPUTS } from '../pipeline/inputs.js';
import { imageBuildOutputs } from '../pipeline/outputs.js';
import { reportFor } from '../pipeline/report.js';
import { runImageBuild } from '../pipeline/run.js';
import { renderReportMarkdown } from '../report/index.js';
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
  for (const [name, value] of Object.entries(imageBuildOutputs(result))) runner.setOutput(name, value);

  const env = {
    ...process.env,
    ...(result.state.ecrLogin && { DOCKER_CONFIG: result.state.ecrLogin.dockerConfig }),
  };
  const report = await reportFor(result, registryImageReader({ runner: processRunner, logger, env }));
  const markdown = renderReportMarkdown(report);
  runner.setOutput('report', markdown);
  if (inputs.reportFile) await writeFile(inputs.reportFile, markdown);
  if (inputs.summary) runner.appendSummary(markdown);
}

main().catch((error: unknown) => {
  runner.setFailed(error instanceof InputError ? error.message : ((error as Error).stack ?? String(error)));
});
