import type { BuildImageOutcome } from '../build/index.js';
import type { ActionsCacheClient, LocalCacheState } from '../cache/index.js';
import type { EcrLoginState } from '../ecr/login.js';
import type { PrepareEcrOptions } from '../ecr/prepare.js';
import type { ScanFindingsResult } from '../ecr/scan.js';
import type { Builder } from '../engine/builder.js';
import type { PublishResult } from '../publish/index.js';
import type { MetadataResult, RunContext } from '../tags/index.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { ReusedImage } from './release.js';
import type { RunTagsCache } from './tags.js';
export interface ImageBuildDeps {
    env: NodeJS.ProcessEnv;
    runner: CommandRunner;
    logger: Logger;
    now?: Date;
    cwd?: string;
    /** The Actions cache client, for the `local` cache preset. */
    actionsCache?: ActionsCacheClient;
    /** ECR API clients (tests point them at an emulator); the SDK's default chain otherwise. */
    ecrClientFor?: PrepareEcrOptions['clientFor'];
    /**
     * Told the post step's state each time it grows, for shells that must keep it before the run ends
     * (a cancelled job, Ctrl-C). The result, or the error the run throws, carries the final state too.
     */
    saveState?: (state: PostState) => void;
    /** Skip builder detection (tests). */
    builder?: Builder;
    /** Called as each phase starts, with the reference or image it is about (the CLI shows progress). */
    onPhase?: (phase: RunPhase, subject?: string) => void;
    /** The run context and repository data, read once for every image of a graph. */
    tagsCache?: RunTagsCache;
}
/** The run's phases in order; `push` and `tags` repeat per registry, buildx builds and pushes at once. */
export type RunPhase = 'tags' | 'checks' | 'build' | 'push' | 'tags-written';
/** What the post step needs: the ECR login to remove and the local cache to save. */
export interface PostState {
    ecrLogin?: EcrLoginState;
    localCache?: LocalCacheState;
}
export interface ImageBuildResult {
    metadata: MetadataResult;
    context: RunContext;
    build?: BuildImageOutcome;
    publish?: PublishResult;
    scans: ScanFindingsResult[];
    /** The repository the report reads from (the first image), and the digest it reads. */
    reportSource?: {
        image: string;
        digest: string;
    };
    /** The branch build a release published instead of building (see `reuse-commit`). */
    reused?: ReusedImage;
    /**
     * An OCI layout the build exported for the report: the image is in neither the engine nor a
     * registry (no push, no load, a container builder). The report removes it.
     */
    layout?: string;
    /** Wall-clock seconds of the build (with the builder's own push when it pushes). */
    buildSeconds?: number;
    /** The first image's tags before publishing (a release's baseline is the version before it). */
    existingTags?: readonly string[];
    state: PostState;
}
/** The post state a failed run left (an ECR login to remove, a cache to save); none when it had none. */
export declare function postStateOf(error: unknown): PostState | undefined;
/** Attaches the run's post state to the error it failed with, so the shell can still clean up. */
export declare function withPostState(error: unknown, state: PostState): unknown;
