// Entry of the main action's post step: save the local cache, log out of ECR.
import * as core from '@actions/core';
import { actionsCacheClient } from '../cache/index.js';
import { parsePostState, runPost } from '../pipeline/post.js';
import { processRunner } from '../util/exec.js';
import { createActionsLogger } from './logger.js';

runPost(parsePostState(core.getState('post')), {
  env: process.env,
  runner: processRunner,
  logger: createActionsLogger(),
  actionsCache: actionsCacheClient,
}).catch((error: unknown) => core.warning(`post step: ${(error as Error).message}`));
