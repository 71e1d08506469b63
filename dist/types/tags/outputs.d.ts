import type { MetadataInputs, MetadataResult } from './types.js';
export type BakeFileKind = 'tags' | 'labels' | 'annotations' | 'all';
/** Annotations with their levels (`manifest:org.opencontainers.image.title=…`), level by level. */
export declare function leveledAnnotations(result: MetadataResult): string[];
/** The `json` output object. */
export declare function metadataJson(result: MetadataResult): {
    tags: string[];
    'tag-names': string[];
    labels: Record<string, string>;
    annotations: string[];
};
/** The JSON text of each bake file definition metadata-action writes (`all` is `bake-file`). */
export declare function bakeFileContents(result: MetadataResult, inputs: MetadataInputs): Record<BakeFileKind, string>;
/** The file name metadata-action gives each bake file in the runner's temp directory. */
export declare function bakeFileName(kind: BakeFileKind): string;
/** The outputs both actions give: version, tags, tag-names, labels, annotations, json. */
export declare function metadataValueOutputs(result: MetadataResult, separators: Pick<MetadataInputs, 'sepTags' | 'sepLabels' | 'sepAnnotations'>): Record<string, string>;
/**
 * Every output of the tags action, by name (the value outputs and bake-file*). `bakeFilePaths` are
 * where the caller wrote bakeFileContents.
 */
export declare function metadataOutputs(result: MetadataResult, inputs: MetadataInputs, bakeFilePaths: Record<BakeFileKind, string>): Record<string, string>;
/** The DOCKER_METADATA_OUTPUT_* variable for an output name (`bake-file-tags` → …_BAKE_FILE_TAGS). */
export declare function outputEnvName(name: string): string;
