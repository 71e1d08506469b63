/**
 * The contract between the publish plan and a registry: point tags at manifest bytes that already
 * exist, without moving any blob. The OCI registry client implements it with manifest PUTs; ECR
 * implements it with BatchGetImage/PutImage.
 */
export interface ManifestBytes {
    /** Exact bytes as stored by the registry: re-serialising would change the digest. */
    bytes: Uint8Array;
    mediaType: string;
    /** sha256:… of `bytes`. */
    digest: string;
}
export interface TagWriter {
    /** Current digest a tag points to, or undefined when the tag does not exist. */
    resolveTag(repository: string, tag: string): Promise<string | undefined>;
    /** Every tag in the repository (all pages). */
    listTags(repository: string): Promise<string[]>;
    /** Reads a manifest by tag or digest, keeping its exact bytes. */
    getManifest(repository: string, reference: string): Promise<ManifestBytes>;
    /** Points each tag at the manifest. Idempotent: a tag already there is success. */
    putTags(repository: string, manifest: ManifestBytes, tags: readonly string[]): Promise<void>;
    /** Requests sent to the registry so far, for the publish report; optional for writers that cannot count. */
    requestCount?(): number;
}
