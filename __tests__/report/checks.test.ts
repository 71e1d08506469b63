import { describe, expect, it } from 'vitest';
import {
  runChecks,
  severityCounts,
  smokeTestCheck,
  type BaselineComparison,
  type CheckFacts,
  type ContentAnalysis,
  type FindingSummary,
  type ImageModel,
} from '../../src/report/index.js';

const MiB = 1024 * 1024;

const model: ImageModel = {
  image: 'api',
  source: 'registry',
  tags: [],
  configBytes: 1000,
  compressedBytes: 100 * MiB,
  layers: Array.from({ length: 9 }, (_, index) => ({
    index,
    instruction: `RUN ${index}`,
    origin: 'own' as const,
  })),
  hasHealthcheck: true,
  user: 'app',
};

const finding = (
  kind: FindingSummary['kind'],
  category: string,
  bytes: number,
  ownBytes = bytes,
): FindingSummary => ({
  kind,
  category,
  files: 1,
  bytes,
  ownBytes,
  examples: [{ path: `path/of/${category}`, bytes, layer: 3 }],
});

const contents = (findings: FindingSummary[] = [], efficiency = 0.97): ContentAnalysis => ({
  layers: [],
  efficiency,
  reclaimableBytes: 3 * MiB,
  cumulativeBytes: 100 * MiB,
  final: { files: 10, bytes: 97 * MiB },
  largestOwnFiles: [],
  wastedPaths: [],
  duplicates: [],
  findings,
});

const baseline = (compressedBytes: number, compressedDelta: number): BaselineComparison => ({
  label: 'api:main',
  compressedBytes,
  compressedDelta,
  layerCountDelta: 0,
  layers: [],
  removed: [],
});

const status = (facts: Partial<CheckFacts>, policy = {}) =>
  Object.fromEntries(runChecks({ model, ...facts }, policy).map((check) => [check.id, check.status]));
const check = (id: string, facts: Partial<CheckFacts>, policy = {}) =>
  runChecks({ model, ...facts }, policy).find((c) => c.id === id);

describe('production checks', () => {
  it.each([
    [undefined, 'warn'],
    ['', 'warn'],
    ['root', 'warn'],
    ['0:0', 'warn'],
    ['0', 'warn'],
    ['app', 'pass'],
    ['1000:1000', 'pass'],
  ])('USER %j → non-root check %s', (user, expected) => {
    expect(check('non-root', { model: { ...model, user } })?.status).toBe(expected);
  });

  it('skips what it has no input for, and says why', () => {
    const rows = runChecks({ model });
    const skipped = rows.filter((row) => row.status === 'skip').map((row) => [row.id, row.detail]);
    expect(skipped).toEqual([
      ['build-tools', 'needs layer contents (not read)'],
      ['package-caches', 'needs layer contents (not read)'],
      ['secrets', 'needs layer contents (not read)'],
      ['base-pinned', 'Dockerfile FROM lines not given'],
      ['size-budget', 'no budget set and no baseline to compare with'],
      ['efficiency', 'needs layer contents (not read)'],
      ['vulnerabilities', 'no scan results'],
    ]);
  });

  it('levels are configurable, and off leaves the row out', () => {
    const facts = { model: { ...model, hasHealthcheck: false } };
    expect(check('healthcheck', facts)?.status).toBe('warn');
    expect(check('healthcheck', facts, { healthcheck: { level: 'fail' } })?.status).toBe('fail');
    expect(check('healthcheck', facts, { healthcheck: { level: 'off' } })).toBeUndefined();
  });

  it('build tools, secrets and package caches come from the final filesystem findings', () => {
    const facts = {
      contents: contents([
        finding('build-tool', 'gcc', 10),
        finding('secret', 'dotenv file', 12),
        finding('package-cache', 'apt lists', 40 * MiB, 0),
        finding('package-cache', 'pip cache', 5 * MiB),
      ]),
    };
    expect(status(facts)).toMatchObject({ 'build-tools': 'warn', secrets: 'fail', 'package-caches': 'warn' });
    // Only the image's own layers count for caches: a base image's apt lists are not this Dockerfile's to fix.
    expect(check('package-caches', facts)?.detail).toBe('pip cache (5.00 MiB)');
    expect(check('package-caches', facts, { packageCaches: { maxBytes: 8 * MiB } })?.status).toBe('pass');
    expect(status({ contents: contents() })).toMatchObject({
      'build-tools': 'pass',
      secrets: 'pass',
      'package-caches': 'pass',
    });
  });

  it('size budget: an absolute limit, and growth in % only past an absolute floor', () => {
    expect(check('size-budget', {}, { sizeBudget: { maxCompressedBytes: 50 * MiB } })).toMatchObject({
      status: 'fail',
      detail: 'compressed 100 MiB > 50.0 MiB',
    });
    expect(check('size-budget', {}, { sizeBudget: { maxCompressedBytes: 200 * MiB } })?.status).toBe('pass');
    // +20% of a 100 MiB image is 20 MiB: over 10% and over the 10 MiB floor.
    expect(check('size-budget', { baseline: baseline(80 * MiB, 20 * MiB) })).toMatchObject({
      status: 'fail',
      detail: 'compressed +20.0 MiB (+25.0%) vs api:main > 10%',
    });
    // A tiny image doubling (+2 MiB, +100%) is under the floor.
    const tiny = { model: { ...model, compressedBytes: 4 * MiB }, baseline: baseline(2 * MiB, 2 * MiB) };
    expect(check('size-budget', tiny)?.status).toBe('pass');
    expect(check('size-budget', tiny, { sizeBudget: { growthFloorBytes: MiB } })?.status).toBe('fail');
    expect(
      check(
        'size-budget',
        { baseline: baseline(99 * MiB, 12 * MiB) },
        { sizeBudget: { maxGrowthBytes: 11 * MiB, maxGrowthPercent: 50 } },
      )?.detail,
    ).toMatch(/> 11\.0 MiB$/);
  });

  it('layer count and efficiency against their thresholds', () => {
    expect(check('layer-count', {}, { layerCount: { max: 8 } })).toMatchObject({
      status: 'warn',
      detail: '9 layers (max 8)',
    });
    expect(check('efficiency', { contents: contents([], 0.85) })).toMatchObject({
      status: 'warn',
      detail: '85.0% (min 90%), 3.00 MiB reclaimable',
    });
    expect(check('efficiency', { contents: contents([], 0.85) }, { efficiency: { min: 0.8 } })?.status).toBe(
      'pass',
    );
  });

  it('scan counts: fail at critical, warn at high by default; thresholds configurable; unfinished scans skip', () => {
    const scan = (counts: Record<string, number>, status = 'COMPLETE') => ({
      scan: { status, counts: severityCounts(counts) },
    });
    expect(check('vulnerabilities', scan({ CRITICAL: 1, HIGH: 2 }))).toMatchObject({
      status: 'fail',
      detail: '1 critical, 2 high',
    });
    expect(check('vulnerabilities', scan({ high: 2, low: 7 }))).toMatchObject({
      status: 'warn',
      detail: '2 high, 7 low',
    });
    expect(check('vulnerabilities', scan({ medium: 3 }))?.status).toBe('pass');
    expect(
      check('vulnerabilities', scan({ medium: 3 }), { vulnerabilities: { failAt: 'medium' } })?.status,
    ).toBe('fail');
    expect(
      check('vulnerabilities', scan({ CRITICAL: 1 }), { vulnerabilities: { level: 'warn' } })?.status,
    ).toBe('warn');
    expect(check('vulnerabilities', scan({}, 'TIMED_OUT'))).toMatchObject({
      status: 'skip',
      detail: 'scan timed out',
    });
  });

  it('a base image pinned by tag only is flagged; digests, scratch and stage-free lists pass', () => {
    const pinned = `python:3.12-slim@sha256:${'a'.repeat(64)}`;
    expect(check('base-pinned', { fromReferences: ['python:3.12-slim', pinned] })).toMatchObject({
      status: 'warn',
      detail: 'by tag: python:3.12-slim',
    });
    expect(check('base-pinned', { fromReferences: [pinned, 'scratch'] })).toMatchObject({
      status: 'pass',
      detail: '1 FROM by digest',
    });
    expect(check('base-pinned', { fromReferences: ['${BASE_IMAGE}'] })?.status).toBe('warn');
  });

  it('a smoke test result becomes a row that keeps its log only when it failed', () => {
    expect(smokeTestCheck({ passed: true, detail: 'healthy after 2.0 s', seconds: 2, log: 'x' })).toEqual({
      id: 'smoke-test',
      name: 'Smoke test',
      status: 'pass',
      detail: 'healthy after 2.0 s',
      level: 'fail',
    });
    expect(
      smokeTestCheck({ passed: false, detail: 'exited with code 1', seconds: 1, log: 'boom' }, 'warn'),
    ).toMatchObject({
      status: 'warn',
      log: 'boom',
    });
  });
});
