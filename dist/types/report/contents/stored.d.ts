import { type ManifestBytes } from '../../registry/index.js';
import type { ContentAnalysis } from './types.js';
export declare const ANALYSIS_ARTIFACT_TYPE = "application/vnd.image-build.content-analysis.v1+json";
export declare const STORED_ANALYSIS_SCHEMA = 1;
/** Far above a real analysis (its lists are bounded); it also keeps the inline copy under the manifest cap. */
export declare const MAX_STORED_ANALYSIS_BYTES: number;
export declare const EMPTY_CONFIG: {
    bytes: Uint8Array<ArrayBuffer>;
    digest: string;
};
/** The image manifest the analysis is of: the artifact's `subject`. */
export interface AnalysedImage {
    digest: string;
    mediaType: string;
    size: number;
}
/** What the analysis depends on besides the layers; a stored one for other values is not used. */
export interface AnalysisContext {
    baseLayerCount?: number;
}
/** The tag of an image's stored analysis, cosign-style, as registries without a referrers API need. */
export declare function storedAnalysisTag(imageDigest: string): string;
export interface EncodedAnalysis {
    manifest: ManifestBytes;
    /** The analysis JSON: the artifact's one layer (also inline in its descriptor). */
    layer: {
        digest: string;
        bytes: Uint8Array;
    };
}
/** The artifact for an analysis; undefined when its JSON is over MAX_STORED_ANALYSIS_BYTES. */
export declare function encodeStoredAnalysis(analysis: ContentAnalysis, image: AnalysedImage, context: AnalysisContext): EncodedAnalysis | undefined;
export type Decoded<T> = {
    ok: true;
    value: T;
} | {
    ok: false;
    reason: string;
};
/** The analysis layer a stored artifact names: its descriptor, and its bytes when inline and verified. */
export interface AnalysisLayer {
    digest: string;
    size: number;
    inline?: Uint8Array;
}
/**
 * Reads the artifact manifest of a stored analysis: its media types, that its subject is this image,
 * and its one layer; inline data must match the layer's digest and size.
 */
export declare function decodeAnalysisManifest(bytes: Uint8Array, imageDigest: string): Decoded<AnalysisLayer>;
/**
 * The analysis in a stored document (bytes already checked against their digest): a known schema
 * version, the same image and base layer count, and every field of the expected type. The result is
 * rebuilt from the known fields only, so nothing else the document carries reaches a report.
 */
export declare function decodeAnalysisDocument(bytes: Uint8Array, expected: AnalysisContext & {
    imageDigest: string;
    layerCount: number;
}): Decoded<ContentAnalysis>;
