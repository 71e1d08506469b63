import { type SourcePosition } from './file-error.js';
/** The build arg a single parent reaches its child through, unless `base-arg` says otherwise. */
export declare const DEFAULT_BASE_ARG = "BASE_IMAGE";
/** A parent of an image, and the build arg its digest-pinned reference is passed in. */
export interface GraphParent {
    name: string;
    arg: string;
    position: SourcePosition;
}
/** One image of the graph, with paths resolved against the images file's directory. */
export interface GraphImageSpec {
    name: string;
    /** Absolute path of the build context. */
    context: string;
    /** Absolute path of the Dockerfile; undefined means `<context>/Dockerfile`. */
    file?: string;
    target?: string;
    /** `NAME=value` lines (or `NAME`: the value comes from the environment), defaults first. */
    buildArgs: string[];
    platforms: string[];
    /** metadata-action `tags` lines; undefined: the run's own `tags` input. */
    tags?: string[];
    /** metadata-action `flavor` lines; undefined: the run's own `flavor` input. */
    flavor?: string[];
    /** Image names (registry/repository) to publish to; empty: `<registry>/<name>` from the run's registry. */
    images: string[];
    dependsOn: GraphParent[];
    /** Where the image's name is written, and where each of its keys is. */
    position: SourcePosition;
    positions: Partial<Record<ImageKey, SourcePosition>>;
}
export interface ImagesFile {
    /** The path as given, for messages. */
    path: string;
    images: GraphImageSpec[];
}
declare const IMAGE_KEYS: readonly ["context", "file", "target", "build-args", "platforms", "tags", "flavor", "images", "registry", "depends-on", "base-arg"];
type ImageKey = (typeof IMAGE_KEYS)[number];
/** Reads and parses an images file; every problem is an ImagesFileError naming the file, line and column. */
export declare function loadImagesFile(path: string): Promise<ImagesFile>;
/** Parses the text of an images file; relative paths in it are resolved against `baseDir`. */
export declare function parseImagesFile(text: string, path: string, baseDir?: string): ImagesFile;
export {};
