import { keyValueObject } from './oci-labels.js';
import type { MetadataInputs, MetadataResult } from './types.js';

export type BakeFileKind = 'tags' | 'labels' | 'annotations' | 'all';

/** Annotations with their levels (`manifest:org.opencontainers.image.title=…`), level by level. */
export function leveledAnnotations(result: MetadataResult): string[] {
  return result.annotationLevels.flatMap((level) => result.annotations.map((entry) => `${level}:${entry}`));
}

/** The `json` output object. */
export function metadataJson(result: MetadataResult): {
  tags: string[];
  'tag-names': string[];
  labels: Record<string, string>;
  annotations: string[];
} {
  return {
    tags: result.tags,
    'tag-names': result.tagNames,
    labels: keyValueObject(result.labels),
    annotations: leveledAnnotations(result),
  };
}

/** The JSON text of each bake file definition metadata-action writes (`all` is `bake-file`). */
export function bakeFileContents(
  result: MetadataResult,
  inputs: MetadataInputs,
): Record<BakeFileKind, string> {
  const args = {
    DOCKER_META_IMAGES: result.images.join(','),
    // JSON.stringify drops an undefined version, as in metadata-action.
    DOCKER_META_VERSION: result.version || undefined,
  };
  const labels = keyValueObject(result.labels);
  const file = (definition: object) =>
    JSON.stringify({ target: { [inputs.bakeTarget]: definition } }, null, 2);
  return {
    tags: file({ tags: result.tags, args }),
    labels: file({ labels }),
    annotations: file({ annotations: leveledAnnotations(result) }),
    all: file({ tags: result.tags, labels, args }),
  };
}

/** The file name metadata-action gives each bake file in the runner's temp directory. */
export function bakeFileName(kind: BakeFileKind): string {
  return kind === 'all' ? 'docker-metadata-action-bake.json' : `docker-metadata-action-bake-${kind}.json`;
}

/** The outputs both actions give: version, tags, tag-names, labels, annotations, json. */
export function metadataValueOutputs(
  result: MetadataResult,
  separators: Pick<MetadataInputs, 'sepTags' | 'sepLabels' | 'sepAnnotations'>,
): Record<string, string> {
  return {
    version: result.version,
    tags: result.tags.join(separators.sepTags),
    'tag-names': result.tagNames.join(separators.sepTags),
    labels: result.labels.join(separators.sepLabels),
    annotations: leveledAnnotations(result).join(separators.sepAnnotations),
    json: JSON.stringify(metadataJson(result)),
  };
}

/**
 * Every output of the tags action, by name (the value outputs and bake-file*). `bakeFilePaths` are
 * where the caller wrote bakeFileContents.
 */
export function metadataOutputs(
  result: MetadataResult,
  inputs: MetadataInputs,
  bakeFilePaths: Record<BakeFileKind, string>,
): Record<string, string> {
  return {
    ...metadataValueOutputs(result, inputs),
    'bake-file-tags': bakeFilePaths.tags,
    'bake-file-labels': bakeFilePaths.labels,
    'bake-file-annotations': bakeFilePaths.annotations,
    'bake-file': bakeFilePaths.all,
  };
}

/** The DOCKER_METADATA_OUTPUT_* variable for an output name (`bake-file-tags` → …_BAKE_FILE_TAGS). */
export function outputEnvName(name: string): string {
  return `DOCKER_METADATA_OUTPUT_${name.replace(/\W/g, '_').toUpperCase()}`;
}
