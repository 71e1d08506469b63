import { type ECRClient, type FindingSeverity, type ScanStatus } from '@aws-sdk/client-ecr';
import type { Logger } from '../util/log.js';
export interface WaitForScanOptions {
    client: ECRClient;
    logger: Logger;
    repository: string;
    digest: string;
    registryId?: string;
    /** Upper bound on the wait; the result says TIMED_OUT rather than failing the build. */
    timeoutSeconds: number;
    pollSeconds?: number;
    /** Clock and sleep are passed in so tests need not wait in real time. */
    now?: () => number;
    sleep?: (milliseconds: number) => Promise<void>;
}
export type ScanSeverityCounts = Record<FindingSeverity, number>;
export interface ScanFindingsResult {
    repository: string;
    digest: string;
    /** ECR's scan status, or TIMED_OUT when the bound ran out first. */
    status: ScanStatus | 'TIMED_OUT';
    description?: string;
    counts: ScanSeverityCounts;
    total: number;
    completedAt?: string;
}
export declare function emptySeverityCounts(): ScanSeverityCounts;
/** Polls DescribeImageScanFindings until the scan-on-push scan is final or the bound runs out. */
export declare function waitForScanFindings(options: WaitForScanOptions): Promise<ScanFindingsResult>;
