export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';
/** What a failed check becomes: a failure, a warning, or not run at all. */
export type CheckLevel = 'fail' | 'warn' | 'off';
export interface CheckResult {
    id: CheckId;
    name: string;
    status: CheckStatus;
    /** One line: what was found, with the numbers. */
    detail: string;
    level: CheckLevel;
    /** Longer text (a smoke test's logs) for a collapsible section; untrusted. */
    log?: string;
}
export type CheckId = 'non-root' | 'healthcheck' | 'build-tools' | 'size-budget' | 'layer-count' | 'efficiency' | 'vulnerabilities' | 'package-caches' | 'secrets' | 'base-pinned' | 'smoke-test';
export interface SizeBudgetPolicy {
    level?: CheckLevel;
    /** Largest compressed (pull) size allowed. */
    maxCompressedBytes?: number;
    /** Largest uncompressed (on disk) size allowed. */
    maxUncompressedBytes?: number;
    /** Largest growth over the baseline, in bytes. */
    maxGrowthBytes?: number;
    /** Largest growth over the baseline, in percent (default 10). */
    maxGrowthPercent?: number;
    /** Growth below this many bytes never trips the rule, so tiny images don't (default 10 MiB). */
    growthFloorBytes?: number;
}
export type SeverityName = 'critical' | 'high' | 'medium' | 'low' | 'informational' | 'undefined';
/** Every check's level and threshold; anything left out takes the default given in docs/reports.md. */
export interface ChecksPolicy {
    nonRoot?: {
        level?: CheckLevel;
    };
    healthcheck?: {
        level?: CheckLevel;
    };
    buildTools?: {
        level?: CheckLevel;
    };
    sizeBudget?: SizeBudgetPolicy;
    layerCount?: {
        level?: CheckLevel;
        max?: number;
    };
    efficiency?: {
        level?: CheckLevel;
        min?: number;
    };
    vulnerabilities?: {
        level?: CheckLevel;
        failAt?: SeverityName;
        warnAt?: SeverityName;
    };
    packageCaches?: {
        level?: CheckLevel; /** Own-layer cache bytes allowed (default 0). */
        maxBytes?: number;
    };
    secrets?: {
        level?: CheckLevel;
    };
    basePinned?: {
        level?: CheckLevel;
    };
    smokeTest?: {
        level?: CheckLevel;
    };
}
export declare const CHECK_NAMES: Record<CheckId, string>;
/** Builds one row; `violated` rows take the configured level, the others pass or skip. */
export declare function row(id: CheckId, level: CheckLevel, outcome: {
    violated?: boolean;
    skipped?: boolean;
    detail: string;
    log?: string;
}): CheckResult;
/** The worst status of a set of rows: fail > warn > pass; skips alone count as pass. */
export declare function overallStatus(rows: readonly CheckResult[]): CheckStatus;
