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
/**
 * A graph's images each save their own post state, again each time it grows: the latest copy per
 * image (told apart by its ECR config directory or its cache directory) replaces the one kept.
 */
export declare function keepPostState(states: readonly PostState[], state: PostState): PostState[];
/** The saved state of a graph: every image's post state in one value. */
export declare function serializePostStates(states: readonly PostState[]): string;
/** The main step's saved state: one image's, or a graph's (`{ images: [...] }`); empty is nothing to do. */
export declare function parsePostStates(json: string): PostState[];
/**
 * Every image's post step, one after another (they may share the Actions cache service): one that
 * throws is a warning, and the others still run.
 */
export declare function runPosts(states: readonly PostState[], deps: PostDeps): Promise<void>;
