import { type ECRClient } from '@aws-sdk/client-ecr';
import type { TagWriter } from '../registry/tag-writer.js';
/** Manifest types ECR may hold; BatchGetImage only returns the types it is told the caller accepts. */
export declare const ECR_MANIFEST_MEDIA_TYPES: readonly ["application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.docker.distribution.manifest.v2+json"];
export interface EcrTagWriterOptions {
    client: ECRClient;
    /** Account that owns the repositories; defaults to the caller's. */
    registryId?: string;
}
/** An immutable tag already points at another image: both digests, so the user can see which is which. */
export declare class EcrImmutableTagError extends Error {
    readonly repository: string;
    readonly tag: string;
    readonly existingDigest: string;
    readonly newDigest: string;
    constructor(repository: string, tag: string, existingDigest: string, newDigest: string);
}
/**
 * TagWriter for ECR: tags are added with PutImage of the manifest ECR already holds (BatchGetImage),
 * so no layer is uploaded again, and the immutable-tag rules are ECR's own.
 */
export declare function createEcrTagWriter(options: EcrTagWriterOptions): TagWriter;
