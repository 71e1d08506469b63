import { type BaseImageHint } from './base.js';
import { type DescriptorLike, type ImageConfigLike, type IndexLike, type ManifestLike } from './oci.js';
import type { ImageModel, ImageSourceKind, PlatformSummary } from './types.js';
export interface ImageMetadataInput {
    /** Image name (`registry/repository`), shown in the report. */
    image: string;
    manifest: ManifestLike;
    config: ImageConfigLike;
    /** Digest of `manifest`. */
    digest?: string;
    /** The index the manifest was chosen from, for a multi-platform image. */
    index?: {
        digest?: string;
        document: IndexLike;
    };
    tags?: readonly string[];
    base?: BaseImageHint;
    /** Default `registry`. */
    source?: ImageSourceKind;
    /**
     * False when the manifest's layer sizes are of uncompressed tars (`docker save`'s legacy layout, an
     * uncompressed OCI layout): then no compressed size is claimed.
     */
    compressedLayers?: boolean;
}
/** The image model from its manifest and config alone: no layer is downloaded. */
export declare function imageModelFromMetadata(input: ImageMetadataInput): ImageModel;
/** config + Σ compressed layers: what a cold pull of one platform transfers. */
export declare function pullBytes(manifest: ManifestLike): number;
/** One index entry; give its manifest (read separately) for its size and layer count. */
export declare function summarisePlatform(entry: DescriptorLike, manifest?: ManifestLike): PlatformSummary;
