import { describe, expect, it } from 'vitest';
import { parseByteSize, readReportInputs } from '../../src/pipeline/report-inputs.js';
import { InputError } from '../../src/util/errors.js';

const read = (values: Record<string, string>, registry?: string) =>
  readReportInputs((name) => values[name] ?? '', registry);

function inputError(values: Record<string, string>): InputError {
  try {
    read(values);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('report inputs', () => {
  it('defaults: comment on, the file-level analysis on up to 2 GiB, the baseline chosen by the run, ECR price', () => {
    const inputs = read({});
    expect(inputs).toMatchObject({
      comment: true,
      contents: true,
      contentsLimitBytes: 2 * 1024 ** 3,
      baseline: { kind: 'auto' },
      pricePerGbMonth: 0.1,
    });
    expect(inputs.smokeTest).toBeUndefined();
    expect(inputs.policy.layerCount).toEqual({ max: 50 });
    expect(inputs.policy.efficiency).toEqual({ min: 0.9 });
    expect(inputs.policy.sizeBudget).toEqual({});
  });

  it.each([
    ['1000', 1000],
    ['250MB', 250e6],
    ['250MiB', 250 * 1024 ** 2],
    ['1.5 GiB', 1.5 * 1024 ** 3],
    ['2gb', 2e9],
    ['512kib', 512 * 1024],
  ])('sizes: %s is %d bytes', (text, bytes) => {
    expect(parseByteSize('size-budget', text)).toBe(bytes);
  });

  it('size budget, growth and floor; levels per check', () => {
    const inputs = read({
      'size-budget': 'compressed=250MiB, uncompressed=1GiB\ngrowth=5%,growth-bytes=20MB,growth-floor=1MiB',
      'report-checks': 'size-budget=warn\nnon-root=fail,healthcheck=off',
      'max-layers': '20',
      'min-efficiency': '0.95',
      'storage-price': '0.026',
    });
    expect(inputs.policy.sizeBudget).toEqual({
      maxCompressedBytes: 250 * 1024 ** 2,
      maxUncompressedBytes: 1024 ** 3,
      maxGrowthPercent: 5,
      maxGrowthBytes: 20e6,
      growthFloorBytes: 1024 ** 2,
      level: 'warn',
    });
    expect(inputs.policy.nonRoot).toEqual({ level: 'fail' });
    expect(inputs.policy.healthcheck).toEqual({ level: 'off' });
    expect(inputs.policy.layerCount).toEqual({ max: 20 });
    expect(inputs.policy.efficiency).toEqual({ min: 0.95 });
    expect(inputs.pricePerGbMonth).toBe(0.026);
    // A bare size is the compressed budget.
    expect(read({ 'size-budget': '300MB' }).policy.sizeBudget).toEqual({ maxCompressedBytes: 300e6 });
  });

  it('smoke test: healthcheck, a shell command, an exec-form array, a timeout and the network', () => {
    expect(read({ 'smoke-test': 'healthcheck' }).smokeTest).toEqual({ timeoutSeconds: 30, network: 'none' });
    expect(
      read({ 'smoke-test': 'wget -qO- localhost:8080/health', 'smoke-test-timeout': '60' }).smokeTest,
    ).toEqual({
      command: ['sh', '-c', 'wget -qO- localhost:8080/health'],
      timeoutSeconds: 60,
      network: 'none',
    });
    expect(
      read({ 'smoke-test': '["/app/check", "--ready"]', 'smoke-test-network': 'host' }).smokeTest,
    ).toEqual({
      command: ['/app/check', '--ready'],
      timeoutSeconds: 30,
      network: 'host',
    });
    expect(read({ 'smoke-test': 'off' }).smokeTest).toBeUndefined();
  });

  it('the baseline: none, a tag of the image, or a whole reference with the default registry', () => {
    expect(read({ 'report-baseline': 'none' }).baseline).toEqual({ kind: 'none' });
    expect(read({ 'report-baseline': 'main' }).baseline).toEqual({ kind: 'tag', tag: 'main' });
    expect(read({ 'report-baseline': 'team/app:1.0.0' }, 'ghcr.io/acme').baseline).toEqual({
      kind: 'reference',
      reference: 'ghcr.io/acme/team/app:1.0.0',
    });
  });

  it.each([
    [
      { 'report-checks': 'efficency=warn' },
      'report-checks',
      /"efficency" is not a check \(did you mean efficiency\?\)/,
    ],
    [{ 'report-checks': 'secrets=error' }, 'report-checks', /"error" is not a level: fail, warn or off/],
    [{ 'report-checks': 'secrets' }, 'report-checks', /"secrets" is not check=level/],
    [{ 'size-budget': 'compressed=big' }, 'size-budget', /"big" is not a size/],
    [{ 'size-budget': 'max=1GB' }, 'size-budget', /unknown key "max"/],
    [{ 'min-efficiency': '1.5' }, 'min-efficiency', /not a ratio/],
    [{ 'max-layers': '0' }, 'max-layers', /not a whole number of at least 1/],
    [{ 'storage-price': '$0.10' }, 'storage-price', /not a price/],
    [{ 'smoke-test': '["sh", 1]' }, 'smoke-test', /not a JSON array of strings/],
    [{ 'smoke-test-network': 'bridge' }, 'smoke-test-network', /not none or host/],
    [{ 'report-baseline': 'ghcr.io/acme/app' }, 'report-baseline', /needs a tag or a digest/],
    [{ 'report-contents-limit': '-1' }, 'report-contents-limit', /is not a size/],
  ])('refuses %j before anything runs', (values, input, message) => {
    const error = inputError(values);
    expect(error.input).toBe(input);
    expect(error.message).toMatch(message);
  });
});
