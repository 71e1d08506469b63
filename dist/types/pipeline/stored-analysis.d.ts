import { type ManifestBytes, type RegistryClient } from '../registry/index.js';
import { type AnalysedImage, type AnalysisContext, type ContentAnalysis } from '../report/index.js';
import type { Logger } from '../util/log.js';
/**
 * The stored analysis of `image`, or undefined (with a debug line saying why) when there is none or it
 * cannot be trusted: the caller then reads the layers. One manifest GET when the analysis is inline.
 */
export declare function readStoredAnalysis(client: RegistryClient, repository: string, expected: AnalysisContext & {
    imageDigest: string;
    layerCount: number;
}, logger: Logger, 
/** The GET of its manifest, when the caller started it early (`fetchStoredAnalysisManifest`). */
fetched?: Promise<ManifestBytes>): Promise<ContentAnalysis | undefined>;
/**
 * The GET of the stored analysis's manifest alone, to start while other reads are in flight; give
 * the promise to `readStoredAnalysis`, which checks what it got. A failure is kept for it to judge.
 */
export declare function fetchStoredAnalysisManifest(client: RegistryClient, repository: string, imageDigest: string): Promise<ManifestBytes>;
/**
 * Stores `analysis` as an OCI artifact whose subject is the image: the empty config (uploaded unless
 * the repository has it), the analysis JSON as its one layer (also inline in the manifest), and the
 * manifest under the image's analysis tag. Returns the tag; throws on a registry failure.
 */
export declare function writeStoredAnalysis(client: RegistryClient, repository: string, image: AnalysedImage, analysis: ContentAnalysis, context: AnalysisContext): Promise<string | undefined>;
