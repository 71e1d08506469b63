import { automaticBuildArgs, leveledAnnotations } from '../tags/index.js';
import type { ImageBuildInputs } from './inputs.js';
import { computeTags, type ImageBuildDeps } from './image-build.js';

export interface TagsOnlyOutputs {
  version: string;
  tags: string[];
  labels: string[];
  annotations: string[];
  buildArgs: Record<string, string>;
}

/** The CLI's `tags` command: what the action would tag and label, and the build args it would pass. */
export async function computeTagsOnly(
  inputs: ImageBuildInputs,
  deps: Pick<ImageBuildDeps, 'env' | 'runner' | 'logger' | 'cwd' | 'now' | 'tagsCache'>,
): Promise<TagsOnlyOutputs> {
  const { metadata, context } = await computeTags(inputs, deps);
  return {
    version: metadata.version,
    tags: metadata.tags,
    labels: metadata.labels,
    annotations: leveledAnnotations(metadata),
    buildArgs: automaticBuildArgs(metadata, context),
  };
}
