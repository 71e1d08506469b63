import type { ImageBuildResult } from './image-build-types.js';
/**
 * The main action's outputs: metadata-action's (version, tags, tag-names, labels, annotations, json),
 * build-push-action's (imageid, digest, metadata) and our own (published, held-back, steps, ...).
 */
export declare function imageBuildOutputs(result: ImageBuildResult, separators: {
    sepTags: string;
    sepLabels: string;
    sepAnnotations: string;
}): Record<string, string>;
