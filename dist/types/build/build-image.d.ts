import type { ActionsCacheClient, LocalCacheState } from '../cache/local.js';
import type { CachePlan } from '../cache/types.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import { type Builder } from '../engine/builder.js';
import type { BuildInputs } from './inputs.js';
import { type BuildPlan } from './plan.js';
import { type BuildResult } from './run-build.js';
import { type ValidatedBuild } from './validate.js';
export interface BuildImageOptions {
    inputs: BuildInputs;
    runner: CommandRunner;
    logger: Logger;
    /** Environment for the builder (DOCKER_HOST, and on GitHub the ACTIONS_* cache variables). */
    env: NodeJS.ProcessEnv;
    /** VERSION, ENVIRONMENT, GIT_COMMIT, BUILD_TIMESTAMP from the tag engine. */
    automaticBuildArgs?: Readonly<Record<string, string | undefined>>;
    /** Skip detection (tests, or a caller that already detected). */
    builder?: Builder;
    /** Repository for cache refs (`<image>:buildcache`); default: the first tag's repository. */
    cacheImage?: string;
    /** On GitHub Actions with the cache service available: the branch and the default branch. */
    github?: {
        branch?: string;
        defaultBranch?: string;
    };
    /** Parent directory of `local` caches (the action passes RUNNER_TEMP). */
    localRoot?: string;
    /** The Actions cache client, needed only by the `local` preset. */
    actionsCache?: ActionsCacheClient;
    /** Working directory the context and file inputs are relative to. */
    cwd?: string;
    /**
     * The caller points the cache ref at the published image itself (one manifest PUT), so the build
     * does not push it (default false: the build pushes every ref the cache plan needs).
     */
    callerTagsCacheRef?: boolean;
    /** The image repository's tags read before the build: cache refs not among them are not imported. */
    existingTags?: readonly string[];
    /** SOURCE_DATE_EPOCH is set: keep cache records out of the published image. */
    reproducible?: boolean;
    /** The caller publishes what this build makes (the build itself may not push): cache refs are written. */
    publishing?: boolean;
    /** Called once the `local` cache is restored, before the build: the post step saves it even if the build fails. */
    onLocalCache?: (state: LocalCacheState) => void;
}
export interface BuildImageOutcome {
    builder: Builder;
    cache: CachePlan;
    plan: BuildPlan;
    result: BuildResult;
    /** Present with the `local` preset: hand it to saveLocalCache in the post step. */
    localCache?: LocalCacheState;
}
/** Where the cache plan of a build comes from: the image it is pushed as, and what the run can do. */
export type CacheOptions = Pick<BuildImageOptions, 'cacheImage' | 'github' | 'localRoot' | 'existingTags' | 'reproducible' | 'publishing'>;
/**
 * The cache plan for a validated build: pure, so a caller can run it (and meet its input errors)
 * before anything is created or pushed, and buildImage runs it again to build.
 */
export declare function planCache(validated: ValidatedBuild, builder: Builder, options: CacheOptions): {
    image: string;
    cache: CachePlan;
};
/**
 * Detect → validate → resolve cache → plan → (restore local cache) → run. Every input error is raised
 * before the first builder process starts.
 */
export declare function buildImage(options: BuildImageOptions): Promise<BuildImageOutcome>;
