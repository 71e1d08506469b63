/**
 * The run report as plain data: what was built, how big it is, which steps came from cache and what
 * each tag did. Built by a pure function from what the other steps return, rendered elsewhere.
 */
export interface ReportLayer {
    /** Compressed size as stored in the registry (what a pull transfers). */
    compressedBytes: number;
    /** The instruction that made the layer, when the image history says. */
    createdBy?: string;
}
export interface ReportStep {
    name: string;
    cached: boolean;
    seconds?: number;
}
export interface ReportTag {
    reference: string;
    /** local: built into the engine only (push was off). */
    outcome: 'pushed' | 'tagged' | 'unchanged' | 'held-back' | 'local';
    reason?: string;
}
export interface ReportInput {
    image: string;
    digest?: string;
    tags: ReportTag[];
    configBytes?: number;
    layers: ReportLayer[];
    user?: string;
    steps: ReportStep[];
    buildSeconds?: number;
}
export interface ImageReport {
    image: string;
    digest?: string;
    /** config + Σ compressed layers: the bytes a cold pull transfers. */
    pullBytes: number;
    layerCount: number;
    largestLayers: ReportLayer[];
    runsAsRoot: boolean | undefined;
    steps: ReportStep[];
    cachedSteps: number;
    cacheHitRatio: number | undefined;
    tags: ReportTag[];
    buildSeconds?: number;
}
export declare function buildReport(input: ReportInput): ImageReport;
