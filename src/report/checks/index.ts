import {
  basePinned,
  buildTools,
  efficiency,
  healthcheck,
  layerCount,
  nonRoot,
  packageCaches,
  secrets,
  sizeBudget,
  vulnerabilities,
  type CheckFacts,
} from './rules.js';
import { CHECK_NAMES, type CheckId, type CheckResult, type ChecksPolicy } from './types.js';

const RULES: [CheckId, keyof ChecksPolicy, (facts: CheckFacts, policy: ChecksPolicy) => CheckResult][] = [
  ['non-root', 'nonRoot', nonRoot],
  ['healthcheck', 'healthcheck', healthcheck],
  ['build-tools', 'buildTools', buildTools],
  ['package-caches', 'packageCaches', packageCaches],
  ['secrets', 'secrets', secrets],
  ['base-pinned', 'basePinned', basePinned],
  ['size-budget', 'sizeBudget', sizeBudget],
  ['layer-count', 'layerCount', layerCount],
  ['efficiency', 'efficiency', efficiency],
  ['vulnerabilities', 'vulnerabilities', vulnerabilities],
];

/** Every production check not turned off, in a fixed order. */
export function runChecks(facts: CheckFacts, policy: ChecksPolicy = {}): CheckResult[] {
  return RULES.filter(([, key]) => policy[key]?.level !== 'off').map(([, , rule]) => rule(facts, policy));
}

export { CHECK_NAMES };
export * from './types.js';
export { severityCounts, SEVERITIES, type CheckFacts, type ScanInput, type SeverityCounts } from './rules.js';
