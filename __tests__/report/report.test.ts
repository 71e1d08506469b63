import { describe, expect, it } from 'vitest';
import { buildReport, formatBytes, renderReportMarkdown } from '../../src/report/index.js';

const input = {
  image: '127.0.0.1:5000/demo/app',
  digest: 'sha256:abc',
  configBytes: 1000,
  layers: [
    { compressedBytes: 2_000_000, createdBy: 'COPY /bin/busybox /bin/busybox' },
    { compressedBytes: 300, createdBy: 'COPY app /app' },
    { compressedBytes: 50_000, createdBy: 'RUN install | deps' },
  ],
  user: 'nobody',
  steps: [
    { name: '[runtime 1/3] FROM base', cached: true },
    { name: '[runtime 2/3] RUN install', cached: true, seconds: 0.4 },
    { name: '[runtime 3/3] COPY app /app', cached: false, seconds: 0.1 },
  ],
  tags: [
    { reference: '127.0.0.1:5000/demo/app:1.2.3', outcome: 'pushed' as const },
    { reference: '127.0.0.1:5000/demo/app:latest', outcome: 'held-back' as const, reason: '2.0.0 is newer' },
  ],
};

describe('buildReport', () => {
  it('sums config and compressed layers into the pull size and ranks layers by size', () => {
    const report = buildReport(input);
    expect(report.pullBytes).toBe(1000 + 2_000_000 + 300 + 50_000);
    expect(report.largestLayers.map((l) => l.compressedBytes)).toEqual([2_000_000, 50_000, 300]);
    expect(report.cachedSteps).toBe(2);
    expect(report.cacheHitRatio).toBeCloseTo(2 / 3);
  });

  it.each([
    [undefined, undefined],
    ['', true],
    ['root', true],
    ['0:0', true],
    ['nobody', false],
    ['1000:1000', false],
  ])('user %j runs as root: %j', (user, expected) => {
    expect(buildReport({ ...input, user }).runsAsRoot).toBe(expected);
  });

  it('has no cache ratio when no steps were parsed', () => {
    expect(buildReport({ ...input, steps: [] }).cacheHitRatio).toBeUndefined();
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.50 KiB'],
    [347 * 1024 * 1024, '347 MiB'],
    [1.13 * 1024 ** 3, '1.13 GiB'],
  ])('%d -> %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('renderReportMarkdown', () => {
  it('renders the summary, escaping table pipes', () => {
    expect(renderReportMarkdown(buildReport(input))).toMatchSnapshot();
  });
});
