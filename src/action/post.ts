// Entry of the main action's post step: save the local cache, log out of ECR; in graph mode, for
// every image of the graph that saved a state.
import { actionsCacheClient } from '../cache/index.js';
import { parsePostStates, runPosts } from '../pipeline/post.js';
import { processRunner } from '../util/exec.js';
import { createRunnerCommands } from './runner.js';

const runner = createRunnerCommands();

Promise.resolve()
  .then(() =>
    runPosts(parsePostStates(runner.getState('post')), {
      env: process.env,
      runner: processRunner,
      logger: runner.logger,
      actionsCache: actionsCacheClient,
    }),
  )
  .catch((error: unknown) => runner.logger.warning(`post step: ${(error as Error).message}`));
