import type { BaselineComparison } from '../baseline.js';
import type { ContentAnalysis, FindingKind, FindingSummary } from '../contents/types.js';
import { formatBytes, formatDelta, formatPercent } from '../format.js';
import type { ImageModel } from '../model/types.js';
import { parseReference } from '../../registry/reference.js';
import {
  row,
  type ChecksPolicy,
  type CheckResult,
  type SeverityName,
  type SizeBudgetPolicy,
} from './types.js';

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

export const SEVERITIES: SeverityName[] = ['critical', 'high', 'medium', 'low', 'informational', 'undefined'];

/** Severity counts from any casing (`CRITICAL` as ECR returns it, `critical`); missing ones are 0. */
export function severityCounts(counts: Partial<Record<string, number>>): SeverityCounts {
  const result = Object.fromEntries(SEVERITIES.map((name) => [name, 0])) as SeverityCounts;
  for (const [key, value] of Object.entries(counts)) {
    const name = key.toLowerCase() as SeverityName;
    if (SEVERITIES.includes(name) && typeof value === 'number') result[name] = value;
  }
  return result;
}

export function nonRoot(facts: CheckFacts, policy: ChecksPolicy): CheckResult {
  const user = facts.model.user?.trim();
  if (facts.model.source === 'unavailable')
    return row('non-root', policy.nonRoot?.level ?? 'warn', {
      skipped: true,
      detail: 'image config not read',
    });
  // An empty USER, "root" or uid 0 (with or without a group) all run as root.
  const root = !user || /^(root|0)(:.*)?$/.test(user);
  return row('non-root', policy.nonRoot?.level ?? 'warn', {
    violated: root,
    detail: root ? `runs as ${user ? user : 'root (no USER)'}` : `USER ${user}`,
  });
}

export function healthcheck(facts: CheckFacts, policy: ChecksPolicy): CheckResult {
  const level = policy.healthcheck?.level ?? 'warn';
  if (facts.model.source === 'unavailable')
    return row('healthcheck', level, { skipped: true, detail: 'image config not read' });
  return row('healthcheck', level, {
    violated: !facts.model.hasHealthcheck,
    detail: facts.model.hasHealthcheck ? 'HEALTHCHECK set' : 'no HEALTHCHECK in the image config',
  });
}

function findingCheck(
  id: 'build-tools' | 'package-caches' | 'secrets',
  kind: FindingKind,
  level: CheckResult['level'],
  facts: CheckFacts,
  allowedBytes?: number,
): CheckResult {
  if (!facts.contents) return row(id, level, { skipped: true, detail: 'needs layer contents (not read)' });
  const found = facts.contents.findings.filter((f) => f.kind === kind);
  const counted = (f: FindingSummary) => (allowedBytes === undefined ? f.files : f.ownBytes);
  const total = found.reduce((sum, f) => sum + (allowedBytes === undefined ? f.files : f.ownBytes), 0);
  const violated = allowedBytes === undefined ? total > 0 : total > allowedBytes;
  const listed = found
    .filter((f) => counted(f) > 0)
    .map(
      (f) =>
        `${f.category} (${kind === 'package-cache' ? formatBytes(f.ownBytes) : `${f.examples[0].path}${f.files > 1 ? ` +${f.files - 1}` : ''}`})`,
    )
    .join(', ');
  return row(id, level, { violated, detail: listed || 'none found' });
}

export const buildTools = (facts: CheckFacts, policy: ChecksPolicy) =>
  findingCheck('build-tools', 'build-tool', policy.buildTools?.level ?? 'warn', facts);
export const secrets = (facts: CheckFacts, policy: ChecksPolicy) =>
  findingCheck('secrets', 'secret', policy.secrets?.level ?? 'fail', facts);
export const packageCaches = (facts: CheckFacts, policy: ChecksPolicy) =>
  findingCheck(
    'package-caches',
    'package-cache',
    policy.packageCaches?.level ?? 'warn',
    facts,
    policy.packageCaches?.maxBytes ?? 0,
  );

export function layerCount(facts: CheckFacts, policy: ChecksPolicy): CheckResult {
  const max = policy.layerCount?.max ?? 50;
  const count = facts.model.layers.length;
  const level = policy.layerCount?.level ?? 'warn';
  if (facts.model.source === 'unavailable')
    return row('layer-count', level, { skipped: true, detail: 'image not read' });
  return row('layer-count', level, { violated: count > max, detail: `${count} layers (max ${max})` });
}

export function efficiency(facts: CheckFacts, policy: ChecksPolicy): CheckResult {
  const min = policy.efficiency?.min ?? 0.9;
  const level = policy.efficiency?.level ?? 'warn';
  if (!facts.contents)
    return row('efficiency', level, { skipped: true, detail: 'needs layer contents (not read)' });
  const { efficiency: value, reclaimableBytes } = facts.contents;
  return row('efficiency', level, {
    violated: value < min,
    detail: `${formatPercent(value)} (min ${formatPercent(min, 0)}), ${formatBytes(reclaimableBytes)} reclaimable`,
  });
}

export function sizeBudget(facts: CheckFacts, policy: ChecksPolicy): CheckResult {
  const budget: SizeBudgetPolicy = policy.sizeBudget ?? {};
  const level = budget.level ?? 'fail';
  const problems: string[] = [];
  const notes: string[] = [];
  const compressed = facts.model.compressedBytes;
  const uncompressed = facts.uncompressedBytes;
  const limit = (value: number | undefined, max: number | undefined, what: string) => {
    if (max === undefined) return;
    if (value === undefined) notes.push(`${what} unknown`);
    else if (value > max) problems.push(`${what} ${formatBytes(value)} > ${formatBytes(max)}`);
    else notes.push(`${what} ${formatBytes(value)} ≤ ${formatBytes(max)}`);
  };
  limit(compressed, budget.maxCompressedBytes, 'compressed');
  limit(uncompressed, budget.maxUncompressedBytes, 'uncompressed');

  const growth = growthOf(facts);
  if (growth) {
    const floor = budget.growthFloorBytes ?? 10 * 1024 * 1024;
    const maxPercent = budget.maxGrowthPercent ?? 10;
    const percent = growth.before > 0 ? (growth.delta / growth.before) * 100 : 0;
    const text = `${growth.what} ${formatDelta(growth.delta)} (${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%) vs ${facts.baseline?.label}`;
    const over =
      growth.delta >= floor &&
      ((budget.maxGrowthBytes !== undefined && growth.delta > budget.maxGrowthBytes) || percent > maxPercent);
    (over ? problems : notes).push(
      over
        ? `${text} > ${budget.maxGrowthBytes !== undefined && growth.delta > budget.maxGrowthBytes ? formatBytes(budget.maxGrowthBytes) : `${maxPercent}%`}`
        : text,
    );
  }
  if (!problems.length && !notes.length) {
    return row('size-budget', level, {
      skipped: true,
      detail: 'no budget set and no baseline to compare with',
    });
  }
  return row('size-budget', level, {
    violated: problems.length > 0,
    detail: [...problems, ...notes].join('; '),
  });
}

function growthOf(facts: CheckFacts): { delta: number; before: number; what: string } | undefined {
  const baseline = facts.baseline;
  if (!baseline) return undefined;
  if (baseline.compressedDelta !== undefined && baseline.compressedBytes !== undefined) {
    return { delta: baseline.compressedDelta, before: baseline.compressedBytes, what: 'compressed' };
  }
  if (baseline.uncompressedDelta !== undefined && baseline.uncompressedBytes !== undefined) {
    return { delta: baseline.uncompressedDelta, before: baseline.uncompressedBytes, what: 'uncompressed' };
  }
  return undefined;
}

export function vulnerabilities(facts: CheckFacts, policy: ChecksPolicy): CheckResult {
  const options = policy.vulnerabilities ?? {};
  const level = options.level ?? 'fail';
  const scan = facts.scan;
  if (!scan) return row('vulnerabilities', level, { skipped: true, detail: 'no scan results' });
  if (scan.status && !['COMPLETE', 'ACTIVE'].includes(scan.status.toUpperCase())) {
    return row('vulnerabilities', level, {
      skipped: true,
      detail: `scan ${scan.status.toLowerCase().replace(/_/g, ' ')}`,
    });
  }
  const atOrAbove = (severity: SeverityName) =>
    SEVERITIES.slice(0, SEVERITIES.indexOf(severity) + 1).reduce((sum, name) => sum + scan.counts[name], 0);
  const failing = atOrAbove(options.failAt ?? 'critical');
  const warning = atOrAbove(options.warnAt ?? 'high');
  const listed = SEVERITIES.filter((name) => scan.counts[name] > 0).map(
    (name) => `${scan.counts[name]} ${name}`,
  );
  const detail = listed.length ? listed.join(', ') : 'no findings';
  if (failing > 0) return row('vulnerabilities', level, { violated: true, detail });
  // Findings below failAt but at or above warnAt warn, whatever the level: never worse than it.
  return { ...row('vulnerabilities', 'warn', { violated: warning > 0, detail }), level };
}

export function basePinned(facts: CheckFacts, policy: ChecksPolicy): CheckResult {
  const level = policy.basePinned?.level ?? 'warn';
  const references = facts.fromReferences;
  if (!references)
    return row('base-pinned', level, { skipped: true, detail: 'Dockerfile FROM lines not given' });
  const floating = references.filter((reference) => !isPinned(reference));
  const images = references.filter((reference) => reference.trim().toLowerCase() !== 'scratch');
  return row('base-pinned', level, {
    violated: floating.length > 0,
    detail: floating.length
      ? `by tag: ${floating.join(', ')}`
      : images.length
        ? `${images.length} FROM by digest`
        : 'FROM scratch only',
  });
}

/** `scratch` needs no pin; anything else must carry a digest (build args not expanded cannot be checked). */
function isPinned(reference: string): boolean {
  const text = reference.trim();
  if (text.toLowerCase() === 'scratch') return true;
  if (text.includes('$')) return false;
  try {
    return parseReference(text).digest !== undefined;
  } catch {
    return false;
  }
}
