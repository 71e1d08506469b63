import type { ImageConfigLike, IndexLike, ManifestLike } from '../model/oci.js';
export interface ResolvedImage {
    manifest: ManifestLike;
    digest: string;
    config: ImageConfigLike;
    /** The platform index the manifest came from, for a multi-platform image. */
    index?: {
        digest?: string;
        document: IndexLike;
    };
    /** The ref name the layout gives the image (`org.opencontainers.image.ref.name`). */
    refName?: string;
}
export interface SelectImageOptions {
    /** `linux/arm64`: the platform to report on when the image has several. */
    platform?: string;
    /** Picks an image of a layout that holds several, by its ref name (`latest`, `1.2.3`). */
    tag?: string;
}
/** Blob paths come from files an attacker may write: only a well-formed digest names a file. */
export declare function blobPath(digest: string, label: string): string;
/** The image an OCI layout's index.json points to, through a platform index when there is one. */
export declare function resolveOciImage(top: IndexLike, readJson: (digest: string) => Promise<unknown>, options: SelectImageOptions, label: string): Promise<ResolvedImage>;
/** Gzip'd (or zstd) layer media types: the sizes in the manifest are then compressed sizes. */
export declare function hasCompressedLayers(manifest: ManifestLike): boolean;
