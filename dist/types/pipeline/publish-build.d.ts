import { type BuildImageOutcome } from '../build/index.js';
import { type Builder } from '../engine/builder.js';
import { type PreparedPublish, type PublishResult } from '../publish/index.js';
import type { CommandRunner } from '../util/exec.js';
import type { Logger } from '../util/log.js';
import type { RunPhase } from './image-build-types.js';
/** Builds the image: `push` when the builder itself pushes the primary references. */
export type BuildStep = (tags: string[], push: boolean) => Promise<BuildImageOutcome>;
export interface PublishBuildOptions {
    builder: Builder;
    prepared: PreparedPublish;
    build: BuildStep;
    /** The cache refs that are the published image itself (inline cache): one manifest PUT each. */
    cacheRefs: readonly {
        image: string;
        tag: string;
    }[];
    /** The tags the image builds with (each repository's primary reference is the builder's push). */
    tags: string[];
    runner: CommandRunner;
    logger: Logger;
    env: NodeJS.ProcessEnv;
    phase: (phase: RunPhase, subject?: string) => void;
}
/**
 * Builds and publishes, the way the builder can: the engine's builders (classic, buildx's docker
 * driver) build into the engine first, so a re-run whose primary tag already holds this exact image
 * pushes nothing (an IMMUTABLE ECR repository refuses even an identical push, and the engine's push
 * writes the manifest again), then push their cache images after the tags. A BuildKit builder pushes
 * while it builds: one build pushes every registry's primary reference, and exports its cache itself.
 */
export declare function publishBuild(options: PublishBuildOptions): Promise<{
    published: PublishResult;
    build?: BuildImageOutcome;
}>;
