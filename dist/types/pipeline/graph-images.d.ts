import { type DockerfileInfo } from '../build/index.js';
import { type GraphImageSpec, type ImagesFile } from '../graph/index.js';
import { type WriterFactory } from '../publish/index.js';
import { type MetadataResult, type RunContext } from '../tags/index.js';
import { type Logger } from '../util/log.js';
import { type ImageBuildInputs, type ReadInput } from './inputs.js';
import { type ImageBuildDeps } from './image-build.js';
/** One image of the file, its inputs read and checked, its Dockerfile parsed: ready to hash and build. */
export interface GraphImage {
    spec: GraphImageSpec;
    level: number;
    inputs: ImageBuildInputs;
    metadata: MetadataResult;
    context: RunContext;
    /** `registry/repository` of each image name (empty when nothing is published). */
    repositories: string[];
    dockerfilePath: string;
    dockerfileText: string;
    dockerfile: DockerfileInfo;
}
export interface ReadGraphImageOptions {
    file: ImagesFile;
    read: ReadInput;
    registry?: string;
    level: number;
    now: Date;
}
/**
 * The image's inputs: the file's values over the run's own (the action's inputs or the CLI's flags).
 * Build args add up (the run's, the file's defaults, the image's); a parent's build arg is the graph's
 * own and may not be set by hand. Then the checks that need no builder: tags, context, Dockerfile,
 * target, and the parent's build arg declared by the Dockerfile.
 */
export declare function readGraphImage(spec: GraphImageSpec, options: ReadGraphImageOptions, deps: Pick<ImageBuildDeps, 'env' | 'runner' | 'cwd' | 'tagsCache'>): Promise<GraphImage>;
/** A parent as its child gets it: the published repository pinned by digest, or a local reference. */
export interface ParentReference {
    name: string;
    arg: string;
    reference: string;
}
/** Hashes what an image's build depends on; the results that cost I/O are kept for the next call. */
export interface InputsHasher {
    hash(image: GraphImage, parents: readonly ParentReference[]): Promise<HashedInputs>;
    /** Starts hashing the image's context now: it does not depend on the parents, whose digests come later. */
    warm(image: GraphImage): void;
}
export interface HashedInputs {
    hash?: string;
    /** Why there is no hash: an external base whose digest could not be read cannot prove itself unchanged. */
    reason?: string;
    /** The build args the builder gets from the graph (`BASE_IMAGE=…@sha256:…`). */
    parentArgs: string[];
}
/**
 * The inputs hash of `hashImageInputs` from a prepared image: its context (after .dockerignore), the
 * Dockerfile, every build arg (the run's and the file's, the automatic ones the Dockerfile declares,
 * each parent's digest-pinned reference), target, platforms, the digests of the external images its
 * stages start from, and the settings that change what is published.
 */
export declare function createInputsHasher(deps: {
    env: NodeJS.ProcessEnv;
    writers: WriterFactory;
    logger: Logger;
}): InputsHasher;
/**
 * Where the context files' digests are kept between runs: IMAGE_BUILD_CACHE_DIR, else the user's
 * cache directory (userCacheDir); none when IMAGE_BUILD_CACHE_DIR is set empty, or without a home.
 */
export declare function digestCacheDir(env: NodeJS.ProcessEnv): string | undefined;
