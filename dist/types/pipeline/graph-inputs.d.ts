import { type ImageBuildInputs } from './inputs.js';
/** The graph inputs (`images-file`, `only`, `concurrency`, `reuse`, `plan`), parsed and checked. */
export interface GraphInputs {
    /** The images file as given; undefined when the run builds one image. */
    imagesFile?: string;
    only: string[];
    concurrency: number;
    reuse: boolean;
    /** Only plan: list the graph, build nothing. */
    plan: boolean;
}
/**
 * Single-image inputs that the images file sets per image (`context`, `file`, `target`, `images`), or
 * that the graph decides for itself (whether an image is promoted, and from where). The CLI's `graph`
 * and `plan` have no such flags; the action refuses them next to `images-file`.
 */
export declare const GRAPH_PER_IMAGE_INPUTS: readonly ["images", "context", "file", "target", "promote-from", "extra-images", "reuse-commit", "release-annotations"];
/**
 * Reads the graph inputs through the shared parsers, before anything runs: a bad `concurrency`,
 * `reuse` or `plan` is an error naming it even when no images file is given (a typo then is still one).
 */
export declare function readGraphInputs(read: (name: string) => string): GraphInputs;
/**
 * The images file's absolute path (relative to `cwd`), or an InputError naming `images-file` when it
 * is not a file: said before the file is parsed, as any other bad input.
 */
export declare function resolveImagesFile(cwd: string, given: string): string;
/**
 * The action's inputs that an images file sets per image, given next to `images-file`: each would be
 * silently ignored, so it is an error. Their defaults (`context: .`, `reuse-commit: auto`,
 * `release-annotations: true`) and empty values are not "given".
 */
export declare function perImageInputsGiven(read: (name: string) => string): string[];
/** An InputError for the first per-image input given with `images-file`, naming every one of them. */
export declare function checkGraphModeInputs(read: (name: string) => string): void;
/** `only` and `plan` are about an images file: without `images-file` they would be ignored, so they are errors. */
export declare function checkSingleImageInputs(graph: GraphInputs): void;
/** What a graph run takes from the run's inputs, besides the graph inputs themselves. */
export interface GraphRunInputs {
    /** The images file's absolute path. */
    file: string;
    /** The registry of images that name no repository, without a trailing slash. */
    registry?: string;
    /** The inputs every image shares (the report's among them), checked. */
    shared: ImageBuildInputs;
}
/**
 * Everything a graph run checks before the images file is read, for the action and the CLI alike: no
 * per-image input beside it, the file exists, and every input the images share is valid.
 */
export declare function readGraphRunInputs(read: (name: string) => string, imagesFile: string, cwd: string): GraphRunInputs;
