import type { CachePlan } from '../cache/plan.js';
import type { Builder } from './builder.js';
import type { BuildInputs } from './inputs.js';
import { type ValidatedBuild } from './validate.js';
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
    /** buildx with `push`: the refs its `--push` writes (every `--tag`), in order; their digest is the image's. */
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
}
/**
 * Default provenance: buildx >= 0.10 attaches a provenance attestation by default, which turns even a
 * single-platform image into an index that Lambda and Cloud Run reject. We keep single-platform images
 * plain manifests (`--provenance=false`) and let multi-platform builds (already an index) keep mode=min.
 */
export declare function defaultProvenance(inputs: BuildInputs): string;
/** The exact argument lists for the detected builder. Pure: the same inputs give the same args. */
export declare function planBuild(build: ValidatedBuild, builder: Builder, cache: CachePlan, options: PlanOptions): BuildPlan;
