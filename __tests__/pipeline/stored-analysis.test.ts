import { describe, expect, it } from 'vitest';
import { reportRun, type ReportDeps } from '../../src/pipeline/report.js';
import type { ManifestBytes } from '../../src/registry/index.js';
import { encodeStoredAnalysis, storedAnalysisTag } from '../../src/report/index.js';
import { capturingLogger, recordingRunner } from '../helpers/ecr-recorders.js';
import {
  CLASSIC,
  buildOutcome,
  layer,
  memoryRegistry,
  metadataFor,
  publishedTo,
  reportInputs,
  resultOf,
  type MemoryRegistry,
} from './report-fixtures.js';

const IMAGE = 'registry.test/team/app';
const noCommands = recordingRunner(() => ({ exitCode: 0, stdout: '', stderr: '' }));
const inputs = reportInputs({ 'report-baseline': 'none' });

async function published() {
  const registry = memoryRegistry();
  const layers = [await layer({ 'bin/busybox': 3000 }), await layer({ 'app/app.bin': 700, 'app/b': 10 })];
  const manifest = registry.push('team/app', '1.0.0', { layers });
  registry.calls.length = 0;
  return { registry, manifest, tag: storedAnalysisTag(manifest.digest) };
}

/** The report of the image as a run that built it (`built`) or reused it would make it. */
function report(
  registry: MemoryRegistry,
  manifest: ManifestBytes,
  built: boolean,
  extra: Partial<ReportDeps> = {},
) {
  const logger = capturingLogger();
  const result = resultOf({
    metadata: metadataFor(IMAGE, ['1.0.0']),
    ...(built && { build: buildOutcome(CLASSIC) }),
    publish: publishedTo(IMAGE, '1.0.0', manifest),
  });
  const run = reportRun(result, inputs, {
    runner: noCommands,
    logger,
    env: {},
    registryClient: () => registry.client,
    storedAnalysis: true,
    ...extra,
  });
  return run.then((done) => ({ report: done, logger }));
}

const streamed = (registry: MemoryRegistry) => registry.calls.filter((call) => call.startsWith('STREAM'));

describe('the analysis stored next to a graph image', () => {
  it('is written after a built image is analysed, and read instead of the layers when it is reported again', async () => {
    const { registry, manifest, tag } = await published();
    const first = await report(registry, manifest, true);
    expect(streamed(registry)).toHaveLength(2);
    expect(registry.calls).toContain(`PUT manifest team/app:${tag}`);
    expect(first.report.notices).toEqual([]);

    registry.calls.length = 0;
    const again = await report(registry, manifest, false);
    expect(streamed(registry)).toEqual([]);
    // Two requests, made at once: the config and the stored analysis.
    expect([...registry.calls].sort()).toEqual([
      expect.stringMatching(/^GET blob /),
      `GET manifest team/app:${tag}`,
    ]);
    expect(again.report.contents).toEqual(first.report.contents);
    expect(again.report.layers).toEqual(first.report.layers);
    expect(again.report.notices).toEqual([
      expect.stringContaining(`stored with this unchanged image (tag ${tag})`),
    ]);
    // Said in the report, not as a notice of the run.
    expect(again.logger.lines.filter((line) => line.startsWith('notice'))).toEqual([]);
  });

  it('a reused image without one (published before analyses were stored) reads its layers once and stores it', async () => {
    const { registry, manifest, tag } = await published();
    await report(registry, manifest, false);
    expect(streamed(registry)).toHaveLength(2);
    expect(registry.calls).toContain(`GET manifest team/app:${tag}`);
    expect(registry.calls).toContain(`PUT manifest team/app:${tag}`);
    registry.calls.length = 0;
    await report(registry, manifest, false);
    expect(streamed(registry)).toEqual([]);
    expect(registry.calls.filter((call) => call.startsWith('PUT') || call.startsWith('UPLOAD'))).toEqual([]);
  });

  it('one that does not match its data is ignored: the layers are read', async () => {
    const { registry, manifest, tag } = await published();
    await report(registry, manifest, true);
    const stored = await registry.client.getManifest('team/app', tag);
    const parsed = JSON.parse(Buffer.from(stored.bytes).toString()) as { layers: { data: string }[] };
    parsed.layers[0].data = Buffer.from('{}').toString('base64');
    const text = JSON.stringify(parsed);
    const bytes = new TextEncoder().encode(text);
    await registry.client.putManifest('team/app', tag, { ...stored, bytes });
    registry.calls.length = 0;
    const { report: again, logger } = await report(registry, manifest, false);
    expect(streamed(registry)).toHaveLength(2);
    expect(again.notices).toEqual([]);
    expect(logger.lines.join('\n')).toMatch(/stored analysis .* is not used: its inline data does not match/);
  });

  it('one made for another base layer count is ignored', async () => {
    const { registry, manifest, tag } = await published();
    const first = await report(registry, manifest, true);
    const encoded = encodeStoredAnalysis(
      { ...first.report.contents!, layers: [] } as never,
      { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length },
      { baseLayerCount: 1 },
    );
    await registry.client.putManifest('team/app', tag, encoded!.manifest);
    registry.calls.length = 0;
    await report(registry, manifest, false);
    expect(streamed(registry)).toHaveLength(2);
  });

  it('a registry that refuses the write costs a warning, never the report or the run', async () => {
    const { registry, manifest } = await published();
    registry.failWrites(true);
    const { report: done, logger } = await report(registry, manifest, true);
    expect(done.contents?.efficiency).toBe(1);
    expect(done.notices).toEqual([]);
    expect(logger.lines.join('\n')).toMatch(/warning.*was not stored in its registry: denied: push access/);
  });

  it('a single image run makes no request for it', async () => {
    const { registry, manifest, tag } = await published();
    await report(registry, manifest, true, { storedAnalysis: undefined });
    expect(registry.calls.filter((call) => call.includes(tag) || call.startsWith('PUT'))).toEqual([]);
  });
});
