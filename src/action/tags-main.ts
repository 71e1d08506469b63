// Entry of the `tags/` sub-action (a drop-in docker/metadata-action): runner commands at the edges only.
import { runTagsAction } from '../tags/action.js';
import { InputError } from '../util/errors.js';
import { processRunner } from '../util/exec.js';
import { createRunnerCommands } from './runner.js';

// Separators keep their whitespace (a newline or a space is a valid separator).
const untrimmed = new Set(['sep-tags', 'sep-labels', 'sep-annotations']);
const runner = createRunnerCommands();

runTagsAction(
  {
    getInput: (name) => runner.getInput(name, { trimWhitespace: !untrimmed.has(name) }),
    setOutput: runner.setOutput,
    exportVariable: runner.exportVariable,
    logger: runner.logger,
  },
  { env: process.env, runner: processRunner },
).catch((error: unknown) => {
  runner.setFailed(error instanceof InputError ? error.message : ((error as Error).stack ?? String(error)));
});
