import type { BaselineComparison } from '../baseline.js';
import type { ContentAnalysis } from '../contents/types.js';
import type { ImageModel } from '../model/types.js';
import { type ChecksPolicy, type CheckResult, type SeverityName } from './types.js';
export type SeverityCounts = Record<SeverityName, number>;
export interface ScanInput {
    /** ECR's scan status: only COMPLETE / ACTIVE counts are final. */
    status?: string;
    counts: SeverityCounts;
}
/** What the checks read; each is skipped when its input is missing. */
export interface CheckFacts {
    model: ImageModel;
    contents?: ContentAnalysis;
    baseline?: BaselineComparison;
    scan?: ScanInput;
    /** Image references of the Dockerfile's FROM lines (stage names left out). */
    fromReferences?: readonly string[];
    uncompressedBytes?: number;
}
export declare const SEVERITIES: SeverityName[];
/** Severity counts from any casing (`CRITICAL` as ECR returns it, `critical`); missing ones are 0. */
export declare function severityCounts(counts: Partial<Record<string, number>>): SeverityCounts;
export declare function nonRoot(facts: CheckFacts, policy: ChecksPolicy): CheckResult;
export declare function healthcheck(facts: CheckFacts, policy: ChecksPolicy): CheckResult;
export declare const buildTools: (facts: CheckFacts, policy: ChecksPolicy) => CheckResult;
export declare const secrets: (facts: CheckFacts, policy: ChecksPolicy) => CheckResult;
export declare const packageCaches: (facts: CheckFacts, policy: ChecksPolicy) => CheckResult;
export declare function layerCount(facts: CheckFacts, policy: ChecksPolicy): CheckResult;
export declare function efficiency(facts: CheckFacts, policy: ChecksPolicy): CheckResult;
export declare function sizeBudget(facts: CheckFacts, policy: ChecksPolicy): CheckResult;
export declare function vulnerabilities(facts: CheckFacts, policy: ChecksPolicy): CheckResult;
export declare function basePinned(facts: CheckFacts, policy: ChecksPolicy): CheckResult;
