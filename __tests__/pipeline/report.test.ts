import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failedChecksMessage, reportOutputs, reportRun, writeReportJson } from '../../src/pipeline/report.js';
import { readLocalImage, readRegistryReference } from '../../src/pipeline/image-reader.js';
import { reportImageSource } from '../../src/pipeline/report-source.js';
import { capturingLogger, recordingRunner } from '../helpers/ecr-recorders.js';
import { ociLayout, sha256 } from '../report/helpers/image-tar.js';
import {
  CLASSIC,
  REMOTE,
  buildOutcome,
  contextFor,
  engineRunner,
  layer,
  memoryRegistry,
  metadataFor,
  publishedTo,
  reportInputs,
  resultOf,
} from './report-fixtures.js';

const IMAGE = 'registry.test/team/app';
const noCommands = recordingRunner(() => ({ exitCode: 0, stdout: '', stderr: '' }));

async function images() {
  const base = await layer({ 'bin/busybox': 3000 });
  const deps = await layer({ 'opt/deps/a.pkg': 500 });
  const app = await layer({ 'app/app.bin': 700 });
  const inserted = await layer({ 'app/blob': 20_000 });
  return { base, deps, app, inserted };
}

describe('reportRun: where the image is read from', () => {
  it('after a push: the manifest bytes the publish holds, the config and each layer from the registry', async () => {
    const { base, deps, app } = await images();
    const registry = memoryRegistry();
    const manifest = registry.push('team/app', '1.0.0', { layers: [base, deps, app], user: '10001' });
    registry.calls.length = 0;
    const result = resultOf({
      metadata: metadataFor(IMAGE, ['1.0.0']),
      build: buildOutcome(CLASSIC),
      publish: publishedTo(IMAGE, '1.0.0', manifest),
    });
    const inputs = reportInputs({ 'report-baseline': 'none' });
    expect(reportImageSource(result, inputs.build).kind).toBe('registry');
    const report = await reportRun(result, inputs, {
      runner: noCommands,
      logger: capturingLogger(),
      env: {},
      registryClient: () => registry.client,
    });
    // No manifest GET: the publish holds its bytes. One config GET, one stream per layer.
    expect(registry.calls.filter((call) => call.startsWith('GET manifest'))).toEqual([]);
    expect(registry.calls.filter((call) => call.startsWith('GET blob'))).toHaveLength(1);
    expect(registry.calls.filter((call) => call.startsWith('STREAM blob'))).toHaveLength(3);
    expect(report.source).toBe('registry');
    expect(report.digest).toBe(manifest.digest);
    const parsed = JSON.parse(Buffer.from(manifest.bytes).toString()) as {
      config: { size: number };
      layers: { size: number }[];
    };
    expect(report.sizes.compressedBytes).toBe(
      parsed.layers.reduce((sum, l) => sum + l.size, parsed.config.size),
    );
    // Uncompressed: Σ file sizes of the layers' contents.
    expect(report.sizes.uncompressedBytes).toBe(3000 + 500 + 700);
    expect(report.contents?.efficiency).toBe(1);
    expect(report.tags).toEqual([{ reference: `${IMAGE}:1.0.0`, outcome: 'pushed' }]);
  });

  it('a malformed manifest read back after publishing costs the report its sizes (a warning), never the run', async () => {
    const { base } = await images();
    const registry = memoryRegistry();
    const manifest = registry.push('team/app', '1.0.0', { layers: [base], user: '10001' });
    const broken = { ...manifest, bytes: new TextEncoder().encode('{"schemaVersion": 2, "layers": [') };
    const logger = capturingLogger();
    const report = await reportRun(
      resultOf({
        metadata: metadataFor(IMAGE, ['1.0.0']),
        build: buildOutcome(CLASSIC),
        publish: publishedTo(IMAGE, '1.0.0', broken),
      }),
      reportInputs({ 'report-baseline': 'none' }),
      { runner: noCommands, logger, env: {}, registryClient: () => registry.client },
    );
    expect(report.sizes.compressedBytes).toBeUndefined();
    expect(report.tags).toEqual([{ reference: `${IMAGE}:1.0.0`, outcome: 'pushed' }]);
    expect(logger.lines.filter((line) => line.startsWith('warning:')).join('\n')).toMatch(
      /could not read the image: the manifest sha256:[a-f0-9]{64} is not valid JSON/,
    );
  });

  it('without a push on the classic builder: the engine, by docker save of the image ID', async () => {
    const { base, app } = await images();
    const runner = engineRunner({ layers: [base, app] });
    const result = resultOf({ metadata: metadataFor(IMAGE, ['pr-7']), build: buildOutcome(CLASSIC) });
    const report = await reportRun(result, reportInputs({ 'report-baseline': 'none' }), {
      runner,
      logger: capturingLogger(),
      env: {},
    });
    expect(report.source).toBe('engine');
    expect(runner.commands.map((args) => args.slice(0, 2).join(' '))).toEqual(['image inspect', 'save -o']);
    expect(runner.commands[1].at(-1)).toBe(`sha256:${'c'.repeat(64)}`);
    expect(report.sizes.uncompressedBytes).toBe(3700);
    // The engine holds uncompressed layers: no compressed size is claimed.
    expect(report.sizes.compressedBytes).toBeUndefined();
    expect(report.tags).toEqual([{ reference: `${IMAGE}:pr-7`, outcome: 'local' }]);
  });

  it('on a container builder without push or load: the OCI layout the build exported, removed afterwards', async () => {
    const { base, app } = await images();
    const dir = mkdtempSync(join(tmpdir(), 'ib-report-layout-'));
    ociLayout(dir, { layers: [base, app] });
    const result = resultOf({
      metadata: metadataFor(IMAGE, ['pr-7']),
      build: buildOutcome(REMOTE),
      layout: dir,
    });
    const report = await reportRun(result, reportInputs({ 'report-baseline': 'none' }), {
      runner: noCommands,
      logger: capturingLogger(),
      env: {},
    });
    expect(report.source).toBe('oci-layout');
    // Every size: the layout's blobs are gzip'd, the contents give the uncompressed ones.
    expect(report.sizes.compressedBytes).toBeGreaterThan(0);
    expect(report.sizes.uncompressedBytes).toBe(3700);
    expect(existsSync(dir)).toBe(false);
  });

  it('a container builder whose build wrote its own outputs: no sizes, and a notice saying what to do', async () => {
    const result = resultOf({ metadata: metadataFor(IMAGE, ['pr-7']), build: buildOutcome(REMOTE) });
    const inputs = reportInputs({ outputs: 'type=local,dest=out', 'report-baseline': 'none' });
    const report = await reportRun(result, inputs, {
      runner: noCommands,
      logger: capturingLogger(),
      env: {},
    });
    expect(report.source).toBe('unavailable');
    expect(report.sizes.compressedBytes).toBeUndefined();
    expect(report.notices).toContain(
      'No sizes: the build wrote only its own `outputs`; push, or set `load: true`, for sizes.',
    );
  });
});

describe('reportRun: the file-level analysis is bounded', () => {
  it('report-contents: false reads sizes only; no layer is streamed', async () => {
    const { base, app } = await images();
    const registry = memoryRegistry();
    const manifest = registry.push('team/app', '1.0.0', { layers: [base, app] });
    const result = resultOf({
      metadata: metadataFor(IMAGE, ['1.0.0']),
      publish: publishedTo(IMAGE, '1.0.0', manifest),
    });
    const report = await reportRun(
      result,
      reportInputs({ 'report-contents': 'false', 'report-baseline': 'none' }),
      {
        runner: noCommands,
        logger: capturingLogger(),
        env: {},
        registryClient: () => registry.client,
      },
    );
    expect(registry.calls.some((call) => call.startsWith('STREAM'))).toBe(false);
    expect(report.contents).toBeUndefined();
    expect(report.sizes.compressedBytes).toBeGreaterThan(0);
    const outputs = reportOutputs(report, { json: '/tmp/r.json', markdown: 'md' });
    expect(outputs.efficiency).toBe('');
    expect(outputs['size-uncompressed']).toBe('');
    expect(outputs.size).toBe(String(report.sizes.compressedBytes));
  });

  it('past report-contents-limit the analysis is skipped with a notice that names the limit', async () => {
    const { base, app } = await images();
    const registry = memoryRegistry();
    const manifest = registry.push('team/app', '1.0.0', { layers: [base, app] });
    const result = resultOf({
      metadata: metadataFor(IMAGE, ['1.0.0']),
      publish: publishedTo(IMAGE, '1.0.0', manifest),
    });
    const report = await reportRun(
      result,
      reportInputs({ 'report-contents-limit': '100B', 'report-baseline': 'none' }),
      { runner: noCommands, logger: capturingLogger(), env: {}, registryClient: () => registry.client },
    );
    expect(registry.calls.some((call) => call.startsWith('STREAM'))).toBe(false);
    expect(report.contents).toBeUndefined();
    expect(report.notices.join('\n')).toMatch(
      /file-level analysis was skipped: the compressed layers to read are .*, over report-contents-limit \(100 B\)/,
    );
  });

  it('the engine: the size on disk decides, before docker save writes anything big', async () => {
    const { base } = await images();
    const runner = engineRunner({ layers: [base] }, 5 * 1024 ** 3);
    const result = resultOf({ metadata: metadataFor(IMAGE, ['pr-7']), build: buildOutcome(CLASSIC) });
    const report = await reportRun(result, reportInputs({ 'report-baseline': 'none' }), {
      runner,
      logger: capturingLogger(),
      env: {},
    });
    expect(report.contents).toBeUndefined();
    expect(report.notices.join('\n')).toMatch(
      /the layers on disk are 5\.00 GiB, over report-contents-limit \(2\.00 GiB\)/,
    );
    // The metadata is still read: the layer sizes are those of the saved layer tars.
    expect(report.layers).toHaveLength(1);
  });
});

describe('reportRun: the baseline', () => {
  it('a release compares with the previous version; only the layers it does not share are read', async () => {
    const { base, deps, app, inserted } = await images();
    const registry = memoryRegistry();
    registry.push('team/app', '1.0.0', { layers: [base, deps, app] });
    const manifest = registry.push('team/app', '1.1.0', {
      layers: [base, deps, inserted, app],
      history: [
        { created_by: 'base' },
        { created_by: 'COPY deps /opt/deps' },
        { created_by: 'RUN make blob' },
        { created_by: 'COPY app /app' },
      ],
    });
    registry.calls.length = 0;
    const result = resultOf({
      metadata: metadataFor(IMAGE, ['1.1.0', 'latest'], '1.1.0'),
      build: buildOutcome(CLASSIC),
      publish: publishedTo(IMAGE, '1.1.0', manifest),
      existingTags: ['0.9.0', '1.0.0', '1.1.0-rc.1', 'latest', 'buildcache'],
    });
    const report = await reportRun(result, reportInputs(), {
      runner: noCommands,
      logger: capturingLogger(),
      env: {},
      registryClient: () => registry.client,
    });
    expect(report.baseline?.label).toBe('app:1.0.0');
    expect(report.layers.map((l) => l.delta?.change)).toEqual([
      'unchanged',
      'unchanged',
      'added',
      'unchanged',
    ]);
    expect(report.baseline?.compressedDelta).toBeGreaterThan(0);
    expect(report.baseline?.uncompressedDelta).toBe(20_000);
    expect(report.baseline?.layerCountDelta).toBe(1);
    // The baseline shares every layer with this image: none of its layers was streamed again.
    const streamed = registry.calls.filter((call) => call.startsWith('STREAM')).length;
    expect(streamed).toBe(4);
  });

  it('a pull request compares with the base branch tag; one that does not exist is a notice, not a failure', async () => {
    const { base } = await images();
    const registry = memoryRegistry();
    const layoutDir = mkdtempSync(join(tmpdir(), 'ib-report-layout-'));
    ociLayout(layoutDir, { layers: [base] });
    const logger = capturingLogger();
    const result = resultOf({
      metadata: metadataFor(IMAGE, ['pr-7']),
      context: contextFor('pull_request', { pull_request: { number: 7, base: { ref: 'main' } } }),
      build: buildOutcome(REMOTE),
      layout: layoutDir,
    });
    const report = await reportRun(result, reportInputs(), {
      runner: noCommands,
      logger,
      env: {},
      registryClient: () => registry.client,
    });
    expect(registry.calls).toEqual(['GET manifest team/app:main']);
    expect(report.baseline).toBeUndefined();
    expect(report.notices).toContain(
      'No comparison: the baseline app:main (the base branch main) does not exist yet.',
    );
    expect(logger.lines).toContain(
      'notice: report: No comparison: the baseline app:main (the base branch main) does not exist yet.',
    );
  });
});

describe('reportRun: checks and what the run does with them', () => {
  it('a size budget over its limit fails, and the message says the image was published first', async () => {
    const { base, app } = await images();
    const registry = memoryRegistry();
    const manifest = registry.push('team/app', '1.0.0', { layers: [base, app], user: '10001' });
    const result = resultOf({
      metadata: metadataFor(IMAGE, ['1.0.0']),
      publish: publishedTo(IMAGE, '1.0.0', manifest),
      scans: [
        {
          repository: 'team/app',
          digest: manifest.digest,
          status: 'COMPLETE',
          counts: { CRITICAL: 0, HIGH: 2, MEDIUM: 1, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 0 },
          total: 3,
        },
      ],
    });
    const report = await reportRun(
      result,
      reportInputs({
        'size-budget': 'uncompressed=1KiB',
        'report-checks': 'healthcheck=off',
        'report-baseline': 'none',
      }),
      { runner: noCommands, logger: capturingLogger(), env: {}, registryClient: () => registry.client },
    );
    expect(report.checks.find((c) => c.id === 'healthcheck')).toBeUndefined();
    expect(report.checks.find((c) => c.id === 'vulnerabilities')).toMatchObject({
      status: 'warn',
      detail: '2 high, 1 medium',
    });
    expect(report.status).toBe('fail');
    expect(failedChecksMessage(report, 'published and reported')).toBe(
      'a check of registry.test/team/app failed (the image was published and reported first): Size budget: uncompressed 3.61 KiB > 1.00 KiB',
    );
  });

  it('the smoke test runs the image in the engine with its probe, and removes the container', async () => {
    const { base } = await images();
    const engine = engineRunner({ layers: [base] });
    const runner = {
      commands: engine.commands,
      async run(file: string, args: readonly string[]) {
        if (args[0] === 'inspect') {
          engine.commands.push([...args]);
          return { exitCode: 0, stdout: '{"Running":true}', stderr: '' };
        }
        return engine.run(file, args);
      },
    };
    const result = resultOf({ metadata: metadataFor(IMAGE, ['pr-7']), build: buildOutcome(CLASSIC) });
    const report = await reportRun(
      result,
      reportInputs({ 'smoke-test': 'wget -qO- localhost:8080/health', 'report-baseline': 'none' }),
      { runner, logger: capturingLogger(), env: {} },
    );
    const lines = engine.commands.map((args) => args.join(' '));
    expect(lines.find((line) => line.startsWith('run -d'))).toMatch(
      new RegExp(`--network=none sha256:${'c'.repeat(64)}$`),
    );
    expect(lines.find((line) => line.startsWith('exec '))).toMatch(
      / sh -c wget -qO- localhost:8080\/health$/,
    );
    expect(lines.at(-1)).toMatch(/^rm -f -v image-build-smoke-/);
    expect(report.checks.find((c) => c.id === 'smoke-test')).toMatchObject({ status: 'pass' });
  });

  it('writes the JSON report where it is asked, and names it in the outputs', async () => {
    const result = resultOf({ metadata: metadataFor(IMAGE, ['pr-7']) });
    const report = await reportRun(result, reportInputs({ 'report-baseline': 'none' }), {
      runner: noCommands,
      logger: capturingLogger(),
      env: {},
    });
    const root = mkdtempSync(join(tmpdir(), 'ib-report-json-'));
    const inDir = await writeReportJson(report, { dir: root });
    expect(inDir).toBe(join(root, 'image-build-report.json'));
    const own = await writeReportJson(report, { tempRoot: root });
    expect(own).toMatch(new RegExp(`^${root}/image-build-report-[^/]+/image-build-report.json$`));
    const document = JSON.parse(readFileSync(own, 'utf8')) as { schemaVersion: number; images: unknown[] };
    expect(document.schemaVersion).toBe(1);
    expect(reportOutputs(report, { json: own, markdown: '# md' })).toMatchObject({
      report: own,
      'report-markdown': '# md',
    });
    expect(sha256(readFileSync(inDir))).toBe(sha256(readFileSync(own)));
  });
});

describe('reportRun: a multi-platform image', () => {
  it('reports the first platform, lists every platform with its size, attestations left out', async () => {
    const { base, app, inserted } = await images();
    const registry = memoryRegistry();
    const index = registry.pushIndex('team/app', '2.0.0', {
      'linux/amd64': { layers: [base, app] },
      'linux/arm64': { layers: [base, app, inserted] },
    });
    const result = resultOf({
      metadata: metadataFor(IMAGE, ['2.0.0']),
      publish: publishedTo(IMAGE, '2.0.0', index),
    });
    const report = await reportRun(result, reportInputs({ 'report-baseline': 'none' }), {
      runner: noCommands,
      logger: capturingLogger(),
      env: {},
      registryClient: () => registry.client,
    });
    expect(report.platform).toBe('linux/amd64');
    expect(report.indexDigest).toBe(index.digest);
    expect(report.platforms?.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    const [amd64, arm64] = report.platforms ?? [];
    expect(amd64.compressedBytes).toBe(report.sizes.compressedBytes);
    expect(arm64.layerCount).toBe(3);
    expect(arm64.compressedBytes).toBeGreaterThan(amd64.compressedBytes ?? Infinity);
  });

  it('the CLI way: one platform by name; a platform the index lacks is named with those it has', async () => {
    const { base, app, inserted } = await images();
    const registry = memoryRegistry();
    registry.pushIndex('team/app', '2.0.0', {
      'linux/amd64': { layers: [base, app] },
      'linux/arm64': { layers: [base, app, inserted] },
    });
    const read = await readRegistryReference(() => registry.client, `${IMAGE}:2.0.0`, {
      platform: 'linux/arm64',
      contents: true,
      contentsLimitBytes: 1e9,
    });
    // The arm64 image is the one with three layers (the test configs all say amd64).
    expect(read.model.layers).toHaveLength(3);
    expect(read.contents?.layers).toHaveLength(3);
    await expect(
      readRegistryReference(() => registry.client, `${IMAGE}:2.0.0`, {
        platform: 'linux/s390x',
        contents: false,
        contentsLimitBytes: 0,
      }),
    ).rejects.toThrow('the image index has no linux/s390x image; it has linux/amd64, linux/arm64');
  });

  it('an OCI layout of several platforms: each with its compressed size', async () => {
    const { base, app } = await images();
    const dir = mkdtempSync(join(tmpdir(), 'ib-report-layout-'));
    ociLayout(dir, { layers: [base, app] }, ['linux/amd64', 'linux/arm64']);
    const read = await readLocalImage(dir, { image: 'app', contents: false, contentsLimitBytes: 0 });
    expect(read.model.platforms?.map((p) => [p.platform, p.compressedBytes])).toEqual([
      ['linux/amd64', read.model.compressedBytes],
      ['linux/arm64', read.model.compressedBytes],
    ]);
  });
});
