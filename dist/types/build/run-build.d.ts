import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { BuildPlan } from './plan.js';
import { type BuildStep } from './progress.js';
import { type PushRetry } from '../engine/push.js';
export interface BuildResult {
    /** Config digest of the built image (`--iidfile`); empty when only a local/tar output was written. */
    imageId: string;
    /** Manifest digest of the pushed image, when something was pushed. */
    digest?: string;
    /** buildx's metadata file, or the same keys assembled for the classic builder. */
    metadata: Record<string, unknown>;
    steps: BuildStep[];
    /** Every ref pushed, with the digest the registry reported. */
    pushed: {
        ref: string;
        digest?: string;
    }[];
}
/** The builder exited non-zero; `output` holds its last lines for the error report. */
export declare class BuildFailedError extends Error {
    readonly output: string;
    readonly steps: BuildStep[];
    constructor(message: string, output: string, steps: BuildStep[]);
}
export interface RunBuildOptions {
    runner: CommandRunner;
    logger: Logger;
    /** Base environment (DOCKER_HOST, ACTIONS_* for gha); the plan's env is added on top. */
    env: NodeJS.ProcessEnv;
    cwd?: string;
    /** Reads the iid/metadata files; swapped in unit tests. */
    readFile?: (path: string) => string | undefined;
    /** How a push the registry or network broke is retried (the builder's own push included). */
    retry?: PushRetry;
}
/** Runs the plan's commands inside one log group, then the pushes; parses steps, ids and digests. */
export declare function runBuild(plan: BuildPlan, options: RunBuildOptions): Promise<BuildResult>;
