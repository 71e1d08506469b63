import { type MetadataResult, type RunContext } from '../tags/index.js';
import type { ImageBuildDeps, ImageBuildResult } from './image-build-types.js';
import type { ImageBuildInputs } from './inputs.js';
export type { ImageBuildDeps, ImageBuildResult, PostState, RunPhase } from './image-build-types.js';
export { postStateOf } from './image-build-types.js';
/**
 * The whole run, cheapest checks first so that bad input stops it before anything is created or
 * pushed: tags → the publish plan's checks → the build's inputs against the Dockerfile and the cache
 * plan → registries (ECR repositories and login, tags listed, floating-tag plan) → build → one push
 * per registry → manifest PUTs → scan findings. The post step's state (an ECR login, a local cache) is
 * in the result, or on the error the run throws (`postStateOf`).
 */
export declare function runImageBuild(inputs: ImageBuildInputs, deps: ImageBuildDeps): Promise<ImageBuildResult>;
export declare function computeTags(inputs: ImageBuildInputs, deps: Pick<ImageBuildDeps, 'env' | 'runner' | 'logger' | 'cwd' | 'now' | 'tagsCache'>): Promise<{
    metadata: MetadataResult;
    context: RunContext;
}>;
