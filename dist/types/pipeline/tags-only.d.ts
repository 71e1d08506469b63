import type { ImageBuildInputs } from './inputs.js';
import { type ImageBuildDeps } from './image-build.js';
export interface TagsOnlyOutputs {
    version: string;
    tags: string[];
    labels: string[];
    annotations: string[];
    buildArgs: Record<string, string>;
}
/** The CLI's `tags` command: what the action would tag and label, and the build args it would pass. */
export declare function computeTagsOnly(inputs: ImageBuildInputs, deps: Pick<ImageBuildDeps, 'env' | 'runner' | 'logger' | 'cwd' | 'now' | 'tagsCache'>): Promise<TagsOnlyOutputs>;
