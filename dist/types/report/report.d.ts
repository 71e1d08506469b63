import { type BaselineComparison, type LayerDelta } from './baseline.js';
import { type BuildFacts, type BuildStepLike } from './build-facts.js';
import type { ScanInput } from './checks/rules.js';
import { type CheckResult, type CheckStatus, type ChecksPolicy } from './checks/types.js';
import type { ContentAnalysis } from './contents/types.js';
import { type StorageCost } from './cost.js';
import type { BaseImageModel, ImageModel, ImageSourceKind, LayerModel, PlatformSummary } from './model/types.js';
import { type SmokeTestResult } from './smoke.js';
export interface ReportTag {
    reference: string;
    /** What publishing did with it; `local` when the image was only built (no push). */
    outcome?: 'pushed' | 'tagged' | 'unchanged' | 'held-back' | 'local';
    reason?: string;
}
export interface ReportLayer extends LayerModel {
    /** Regular files in the layer (from its contents). */
    files?: number;
    /** Reclaimable bytes this layer caused (it rewrote or deleted lower layers' paths). */
    reclaimableBytes?: number;
    /** Build step of this layer came from cache (local or remote). */
    cached?: boolean;
    durationSeconds?: number;
    delta?: LayerDelta;
}
export interface SizeSplit {
    compressedBytes?: number;
    uncompressedBytes?: number;
    layerCount: number;
}
export interface ReportSizes {
    /** config + Σ compressed layers: what a pull transfers and the registry stores. */
    compressedBytes?: number;
    /** Σ uncompressed layer sizes: what the image takes on disk. */
    uncompressedBytes?: number;
    configBytes: number;
    layerCount: number;
    /** The base image's layers, when the base is located. */
    base?: SizeSplit;
    /** The layers this image adds on top of its base. */
    own?: SizeSplit;
}
export type ContentSummary = Omit<ContentAnalysis, 'layers'>;
export interface ImageReport {
    image: string;
    source: ImageSourceKind;
    digest?: string;
    indexDigest?: string;
    platform?: string;
    platforms?: PlatformSummary[];
    created?: string;
    tags: ReportTag[];
    user?: string;
    hasHealthcheck: boolean;
    base?: BaseImageModel;
    sizes: ReportSizes;
    layers: ReportLayer[];
    contents?: ContentSummary;
    build?: BuildFacts;
    baseline?: Omit<BaselineComparison, 'layers'>;
    checks: CheckResult[];
    /** The worst check: fail > warn > pass. */
    status: CheckStatus;
    cost?: StorageCost;
    /** Things the reader should know about the report itself (a baseline not found, history mismatch). */
    notices: string[];
}
export interface ReportInput {
    model: ImageModel;
    contents?: ContentAnalysis;
    tags?: readonly ReportTag[];
    build?: {
        steps: readonly BuildStepLike[];
        totalSeconds?: number;
    };
    baseline?: {
        model: ImageModel;
        contents?: ContentAnalysis;
        label: string;
    };
    scan?: ScanInput;
    smokeTest?: SmokeTestResult;
    /** Image references of the Dockerfile's FROM lines, build args expanded, stage names left out. */
    fromReferences?: readonly string[];
    policy?: ChecksPolicy;
    /** USD per GB-month of registry storage (default ECR's 0.10). */
    pricePerGbMonth?: number;
    notices?: readonly string[];
}
/** The whole report from plain inputs: no I/O, the same inputs give the same report. */
export declare function buildImageReport(input: ReportInput): ImageReport;
/** A model for an image that could not be read: the report still lists tags, build steps and checks. */
export declare function unavailableImageModel(image: string, tags?: readonly string[]): ImageModel;
