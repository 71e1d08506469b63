// Entry of the `tags/` sub-action (a drop-in docker/metadata-action): @actions/core at the edges only.
import * as core from '@actions/core';
import { runTagsAction } from '../tags/action.js';
import { processRunner } from '../util/exec.js';
import { InputError } from '../util/errors.js';

// Separators keep their whitespace (a newline or a space is a valid separator).
const untrimmed = new Set(['sep-tags', 'sep-labels', 'sep-annotations']);

runTagsAction(
  {
    getInput: (name) => core.getInput(name, { trimWhitespace: !untrimmed.has(name) }),
    setOutput: core.setOutput,
    exportVariable: core.exportVariable,
    logger: {
      debug: core.debug,
      info: core.info,
      notice: (m) => core.notice(m),
      warning: (m) => core.warning(m),
      error: (m) => core.error(m),
      startGroup: core.startGroup,
      endGroup: core.endGroup,
      setSecret: (s) => s && core.setSecret(s),
    },
  },
  { env: process.env, runner: processRunner },
).catch((error: unknown) => {
  core.setFailed(error instanceof InputError ? error.message : ((error as Error).stack ?? String(error)));
});
