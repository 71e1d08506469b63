import { type CheckFacts } from './rules.js';
import { CHECK_NAMES, type CheckResult, type ChecksPolicy } from './types.js';
/** Every production check not turned off, in a fixed order. */
export declare function runChecks(facts: CheckFacts, policy?: ChecksPolicy): CheckResult[];
export { CHECK_NAMES };
export * from './types.js';
export { severityCounts, SEVERITIES, type CheckFacts, type ScanInput, type SeverityCounts } from './rules.js';
