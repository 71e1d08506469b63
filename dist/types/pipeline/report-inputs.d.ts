import type { ChecksPolicy } from '../report/index.js';
/** Where the report's baseline comes from. */
export type BaselineChoice = 
/** On a pull request the base branch's tag, on a release the previous version. */
{
    kind: 'auto';
} | {
    kind: 'none';
}
/** A whole reference (`registry/repo:tag`, `…@sha256:…`). */
 | {
    kind: 'reference';
    reference: string;
}
/** A tag of the image being built (its first image name). */
 | {
    kind: 'tag';
    tag: string;
};
export interface SmokeTestInputs {
    /** A probe run in the container until it exits 0; undefined: the image's HEALTHCHECK (or staying up). */
    command?: string[];
    timeoutSeconds: number;
    network: 'none' | 'host';
}
/** The report's inputs, checked before anything is built. */
export interface ReportInputs {
    /** `comment`: the sticky pull request comment (the action only). */
    comment: boolean;
    /** `report-contents`: the file-level analysis. */
    contents: boolean;
    /** `report-contents-limit`: above this many layer bytes to read, the analysis is skipped. */
    contentsLimitBytes: number;
    baseline: BaselineChoice;
    policy: ChecksPolicy;
    /** `storage-price`: USD per GB-month. */
    pricePerGbMonth: number;
    smokeTest?: SmokeTestInputs;
}
export declare const DEFAULT_CONTENTS_LIMIT = "2GiB";
/** `250MiB`, `1.5GB`, `1000000`: KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024, a bare number bytes. */
export declare function parseByteSize(input: string, text: string): number;
export declare function readReportInputs(read: (name: string) => string, registry?: string): ReportInputs;
