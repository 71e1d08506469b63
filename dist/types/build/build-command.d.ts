import type { CachePlan } from '../cache/types.js';
import type { Builder } from '../engine/builder.js';
import type { ValidatedBuild } from './validate.js';
/** One builder process. */
export interface BuildCommand {
    /** What this invocation produces: a per-stage cache image, or the requested image. */
    role: 'stage-cache' | 'image';
    /** The stage built (`--target`), for stage-cache commands. */
    stage?: string;
    args: string[];
}
/** Everything needed to run a build: commands in order, then pushes (classic builder only). */
export interface BuildPlan {
    builder: Builder;
    commands: BuildCommand[];
    /** The requested tags (not cache images). */
    tags: string[];
    /** `docker push` these refs after the last command (the classic builder cannot push itself). */
    pushes: string[];
    /** buildx with `push`: the refs its push writes (every image name), in order; their digest is the image's. */
    pushedByBuilder: string[];
    /**
     * Environment the builder needs: DOCKER_BUILDKIT and the values of `secrets` under generated names
     * (`--secret id=x,env=IB_BUILD_SECRET_0`), so no secret is ever in argv. Never log it.
     */
    env: Record<string, string>;
    iidFile: string;
    /** buildx writes it; for the classic builder runBuild assembles the same keys itself. */
    metadataFile?: string;
    /** Requested features this builder cannot provide, said once each. */
    notices: string[];
}
export interface PlanOptions {
    /** VERSION, ENVIRONMENT, GIT_COMMIT, BUILD_TIMESTAMP values; passed only when declared with ARG. */
    automaticBuildArgs?: Readonly<Record<string, string | undefined>>;
    iidFile: string;
    metadataFile: string;
    /**
     * The build itself pushes the cache plan's `tagPublished` ref (default). A caller that publishes
     * with manifest PUTs turns this off and writes that tag itself, for one request instead of a push.
     */
    tagCacheRef?: boolean;
}
/** What each builder's planner gets: the validated build, the resolved cache and the shared parts. */
export interface PlannerInput<B extends Builder> {
    build: ValidatedBuild;
    builder: B;
    cache: CachePlan;
    options: PlanOptions;
    /** User build args, then the automatic ones the Dockerfile declares. */
    buildArgs: string[];
    /** `--secret` arguments; the secret values themselves travel in `env`. */
    secretArgs: string[];
    env: Record<string, string>;
    notices: string[];
}
/** `--flag a --flag b`, one pair per value. */
export declare const repeat: (flag: string, values: readonly string[]) => string[];
