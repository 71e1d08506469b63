// Entry of the `tags/` sub-action (a drop-in docker/metadata-action): runner commands at the edges only.
import { describeError } from '../pipeline/errors.js';
import { UNTRIMMED_INPUTS } from '../pipeline/input-spec.js';
import { runTagsAction } from './tags-action.js';
import { processRunner } from '../util/exec.js';
import { createRunnerCommands } from './runner.js';

const runner = createRunnerCommands();

runTagsAction(
  {
    getInput: (name) => runner.getInput(name, { trimWhitespace: !UNTRIMMED_INPUTS.has(name) }),
    setOutput: runner.setOutput,
    exportVariable: runner.exportVariable,
    logger: runner.logger,
  },
  { env: process.env, runner: processRunner },
).catch((error: unknown) => {
  const described = describeError(error);
  if (described.stack) runner.logger.debug(described.stack);
  runner.setFailed(described.internal && described.stack ? described.stack : described.message);
});
