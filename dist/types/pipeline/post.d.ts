import { type ActionsCacheClient } from '../cache/index.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { PostState } from './image-build-types.js';
export interface PostDeps {
    env: NodeJS.ProcessEnv;
    runner: CommandRunner;
    logger: Logger;
    actionsCache: ActionsCacheClient;
}
/** Reads the main step's saved state back; anything malformed is treated as nothing to do. */
export declare function parsePostState(json: string): PostState;
/**
 * The post step (runs even when main failed): save the `local` cache, then log out of ECR and delete
 * the temporary Docker config. Each part warns instead of failing, so one cannot stop the other.
 */
export declare function runPost(state: PostState, deps: PostDeps): Promise<void>;
