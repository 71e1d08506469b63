// Entry of the main action's post step: save the local cache, log out of ECR.
import { actionsCacheClient } from '../cache/index.js';
import { parsePostState, runPost } from '../pipeline/post.js';
import { processRunner } from '../util/exec.js';
import { createRunnerCommands } from './runner.js';

const runner = createRunnerCommands();

Promise.resolve()
  .then(() =>
    runPost(parsePostState(runner.getState('post')), {
      env: process.env,
      runner: processRunner,
      logger: runner.logger,
      actionsCache: actionsCacheClient,
    }),
  )
  .catch((error: unknown) => runner.logger.warning(`post step: ${(error as Error).message}`));
