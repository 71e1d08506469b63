import { type GraphPlan, type GraphResult, type ImagesFile } from '../graph/index.js';
import { type WriterFactory } from '../publish/index.js';
import type { ImageBuildInputs, ReadInput } from './inputs.js';
import { type ImageBuildDeps, type ImageBuildResult } from './image-build.js';
export interface GraphOptions {
    /** The images file: its path, or one already loaded with `loadImagesFile`. */
    file: string | ImagesFile;
    /**
     * The run's own inputs (the action's, or the CLI's flags by input name): push, cache, builder,
     * provenance, … for every image, and the defaults of what the file does not set per image.
     */
    read?: ReadInput;
    /** The registry (and path) of images that name no repository: `<registry>/<image name>`. */
    registry?: string;
}
export interface RunGraphOptions extends GraphOptions {
    /** Build only these images (a matrix job each); their parents must already be published at their inputs. */
    only?: readonly string[];
    /** How many images build at once (default 2); reusing an image takes no build slot. */
    concurrency?: number;
    /** Reuse a published image whose inputs are unchanged instead of building it (default true). */
    reuse?: boolean;
}
export interface GraphDeps extends ImageBuildDeps {
    /** Registry access for the inputs tags and the digests of external bases; Docker's credentials by default. */
    writers?: WriterFactory;
    /** One image's run; `runImageBuild` by default (tests count or fake it). */
    runImage?: (inputs: ImageBuildInputs, deps: ImageBuildDeps) => Promise<ImageBuildResult>;
}
/** The run's result: a row per image, and each image's own result (for its detailed report). */
export interface GraphRunResult extends GraphResult {
    images: Map<string, ImageBuildResult>;
}
/** Some images failed or were skipped: every other image was still built; `result` has every row. */
export declare class GraphFailedError extends Error {
    readonly result: GraphRunResult;
    constructor(result: GraphRunResult);
}
/**
 * The graph as JSON for a workflow's matrix: each image in order with its level, parents, inputs hash
 * and whether it is already published (one HEAD per repository). A child whose parent must be built
 * first has no hash yet: its parent's digest is one of its inputs.
 */
export declare function planGraph(options: GraphOptions, deps: GraphDeps): Promise<GraphPlan>;
/**
 * Builds the images file: parents before children, independent images in parallel (`concurrency`).
 * Each image whose inputs hash is already published under `inputs-<hash16>` is reused (its tags are
 * manifest PUTs, nothing is built or uploaded); the others are built and published by the single-image
 * run, with each parent passed as `<repository>@<digest>` in its build arg, then tagged with their
 * inputs tag. Every input of every image is checked before the first build. An image that fails has
 * its descendants skipped; the rest go on, and the run throws GraphFailedError at the end.
 */
export declare function runGraph(options: RunGraphOptions, deps: GraphDeps): Promise<GraphRunResult>;
