import { type RegistryClient, type RegistryClientOptions } from '../registry/client.js';
import type { ImageReference } from '../registry/reference.js';
import type { TagWriter } from '../registry/tag-writer.js';
/** Gives the tag writer for a registry host: the OCI client by default, ECR's for ECR hosts. */
export type WriterFactory = (registry: string) => TagWriter;
/** One OCI registry client per registry host, shared by every repository in it. */
export declare function registryWriters(options: Omit<RegistryClientOptions, 'registry'>): (registry: string) => RegistryClient;
/** Parses image names (no tag, no digest: tags come from `tags`), rejecting duplicates. */
export declare function parseImages(images: readonly string[], input?: string): ImageReference[];
/**
 * Splits full references (`ghcr.io/o/app:1.0.0`, as the tags step outputs them) into image names and
 * tag names; every image must carry the same tags, since one publish writes one tag set everywhere.
 */
export declare function splitReferences(references: readonly string[], input?: string): {
    images: string[];
    tags: string[];
};
