import type { ManifestBytes } from '../registry/tag-writer.js';
export type AnnotateResult = {
    manifest: ManifestBytes;
    annotated: true;
} | {
    manifest: ManifestBytes;
    annotated: false;
    reason: string;
};
/**
 * The same image with `annotations` on its top-level manifest: an OCI image manifest over the same
 * config and layers (a Docker v2 manifest has no annotations, so its descriptors take their OCI media
 * types, which keeps every blob digest), or an OCI index over the same child manifests (a Docker
 * manifest list becomes one). Existing annotations stay unless `annotations` names the same key. No
 * blob is read or written: registries take the new manifest with one PUT, because every blob it names
 * is already in the repository. A manifest this cannot convert is returned as it is, with the reason.
 */
export declare function annotateManifest(source: ManifestBytes, annotations: Readonly<Record<string, string>>): AnnotateResult;
