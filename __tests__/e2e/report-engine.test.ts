import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlainProgress } from '../../src/build/progress.js';
import {
  buildImageReport,
  compareWithBaseline,
  imageModelFromMetadata,
  readDockerSave,
  readEngineImage,
  runSmokeTest,
  type ImageConfigLike,
  type ManifestLike,
} from '../../src/report/index.js';
import { processRunner } from '../../src/util/exec.js';
import { dockerEnv, testbed } from '../helpers/testbed.js';

const dir = mkdtempSync(join(tmpdir(), 'ib-report-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Builds with BuildKit; returns the tag and the plain progress output (the build steps). */
function buildWithProgress(
  name: string,
  dockerfile: string[],
  files: Record<string, string | Buffer> = {},
): { tag: string; progress: string } {
  const bed = testbed();
  const context = join(dir, name);
  mkdirSync(context, { recursive: true });
  writeFileSync(join(context, 'Dockerfile'), [...dockerfile, ''].join('\n'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(context, file, '..'), { recursive: true });
    writeFileSync(join(context, file), content);
  }
  const tag = `${bed.registry}/report/${name}-${process.pid}:1`;
  const result = spawnSync(bed.docker, ['build', '--progress=plain', '--network=none', '-t', tag, context], {
    env: dockerEnv(),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return { tag, progress: result.stderr };
}

const build = (name: string, dockerfile: string[], files: Record<string, string | Buffer> = {}) =>
  buildWithProgress(name, dockerfile, files).tag;

const docker = (...args: string[]) =>
  execFileSync(testbed().docker, args, { env: dockerEnv(), encoding: 'utf8' }).trim();

async function fromRegistry(tag: string) {
  docker('push', tag);
  const [repository, reference] = tag.slice(testbed().registry.length + 1).split(':');
  const base = `http://${testbed().registry}/v2/${repository}`;
  const response = await fetch(`${base}/manifests/${reference}`, {
    headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
  });
  const manifest = (await response.json()) as ManifestLike;
  const config = (await (await fetch(`${base}/blobs/${manifest.config.digest}`)).json()) as ImageConfigLike;
  return imageModelFromMetadata({
    image: tag.replace(/:1$/, ''),
    manifest,
    config,
    digest: response.headers.get('docker-content-digest') ?? undefined,
  });
}

describe('report on images built by the real engine', () => {
  it('sizes from a docker save tarball agree with docker history and docker image inspect', async () => {
    const bed = testbed();
    const { tag, progress } = buildWithProgress(
      'sizes',
      [
        `FROM ${bed.baseImage} AS builder`,
        'RUN mkdir /deps && echo built > /deps/lib.txt',
        `FROM ${bed.baseImage}`,
        'COPY data.bin /data.bin',
        'RUN dd if=/dev/zero of=/big bs=1024 count=300 && rm /data.bin',
        'COPY --from=builder /deps /deps',
        'COPY app /app',
      ],
      { 'data.bin': randomBytes(200_000), 'app/a.txt': 'hi\n', 'app/b.bin': randomBytes(5000) },
    );
    const tarball = join(dir, 'sizes.tar');
    docker('save', '-o', tarball, tag);
    const { model, contents } = await readDockerSave(tarball);

    const history = docker('history', '--human=false', '--format', '{{.Size}}', tag)
      .split('\n')
      .map(Number)
      .reverse();
    expect(contents?.layers.map((layer) => layer.uncompressedBytes)).toEqual(history);
    expect(contents?.layers.reduce((sum, layer) => sum + layer.uncompressedBytes, 0)).toBe(
      Number(docker('image', 'inspect', '-f', '{{.Size}}', tag)),
    );
    // BuildKit's history drops `--from=builder`; the build steps give it back.
    expect(model.layers[3].instruction).toBe('COPY /deps /deps');
    const report = buildImageReport({ model, contents, build: { steps: parsePlainProgress(progress) } });
    expect(report.layers.slice(1).map((layer) => [layer.instruction, layer.cached])).toEqual([
      ['COPY data.bin /data.bin', false],
      ['RUN dd if=/dev/zero of=/big bs=1024 count=300 && rm /data.bin', false],
      ['COPY --from=builder /deps /deps', false],
      ['COPY app /app', false],
    ]);
    // The deleted data.bin: 200,000 bytes reclaimable, charged to the RUN that deleted it.
    expect(contents?.reclaimableBytes).toBe(200_000);
    expect(contents?.layers[2].reclaimableBytes).toBe(200_000);
    expect(contents?.wastedPaths[0]).toMatchObject({ path: 'data.bin', deleted: true, layer: 2 });
    expect(contents?.largestOwnFiles.map((file) => file.path)).toEqual(
      expect.arrayContaining(['big', 'app/b.bin']),
    );

    // Straight from the engine: the same analysis, and the report says where it came from.
    const engine = await readEngineImage(tag, {
      runner: processRunner,
      docker: bed.docker,
      env: dockerEnv(),
    });
    expect(engine.model.source).toBe('engine');
    expect(engine.contents).toEqual(contents);

    // The same image from the registry: compressed sizes, nothing pulled.
    const registry = await fromRegistry(tag);
    expect(registry.layers.map((layer) => layer.diffId)).toEqual(model.layers.map((layer) => layer.diffId));
    expect(registry.compressedBytes).toBeGreaterThan(registry.configBytes);
  });

  it('a layer inserted in the middle: the baseline diff names it, and matches the rest by content or instruction', async () => {
    const bed = testbed();
    const files = { 'a.txt': 'a\n', 'b.txt': 'b\n' };
    const before = build(
      'base-v1',
      [`FROM ${bed.baseImage}`, 'COPY a.txt /a.txt', 'RUN echo one > /one', 'COPY b.txt /b.txt'],
      files,
    );
    const after = build(
      'base-v2',
      [
        `FROM ${bed.baseImage}`,
        'COPY a.txt /a.txt',
        'RUN echo inserted > /inserted',
        'RUN echo one > /one',
        'COPY b.txt /b.txt',
      ],
      files,
    );
    const diff = compareWithBaseline(await fromRegistry(after), await fromRegistry(before), 'v1');
    expect(
      diff.layers.map((layer) => [layer.change === 'added' ? 'added' : 'matched', layer.baselineIndex]),
    ).toEqual([
      ['matched', 0],
      ['matched', 1],
      ['added', undefined],
      ['matched', 2],
      ['matched', 3],
    ]);
    expect(diff.layers[0].change).toBe('unchanged');
    expect(diff.layers[1].change).toBe('unchanged');
    expect(diff.removed).toEqual([]);
    expect(diff.layerCountDelta).toBe(1);
  });
});

describe('smoke test on the real engine', () => {
  const running = () => docker('ps', '-a', '--filter', 'name=image-build-smoke', '--format', '{{.Names}}');

  it('passes when the HEALTHCHECK turns healthy, and leaves no container behind', async () => {
    const bed = testbed();
    const tag = build('smoke-ok', [
      `FROM ${bed.baseImage}`,
      'HEALTHCHECK --interval=30s CMD test -f /tmp/ready',
      'CMD ["sh", "-c", "sleep 1; touch /tmp/ready; exec sleep 600"]',
    ]);
    const result = await runSmokeTest({
      runner: processRunner,
      docker: bed.docker,
      env: dockerEnv(),
      image: tag,
      healthcheck: true,
      timeoutSeconds: 30,
    });
    expect(result).toMatchObject({ passed: true });
    expect(result.detail).toMatch(/^healthy after \d+\.\d s$/);
    // Healthy within the image's 30 s interval: the smoke test checks every second.
    expect(result.seconds).toBeLessThan(15);
    expect(running()).toBe('');

    const probed = await runSmokeTest({
      runner: processRunner,
      docker: bed.docker,
      env: dockerEnv(),
      image: tag,
      command: ['test', '-f', '/tmp/ready'],
    });
    expect(probed).toMatchObject({ passed: true });
    expect(probed.detail).toMatch(/^probe exited 0 after/);
  });

  it('fails when the container exits, with its output kept, and without network', async () => {
    const bed = testbed();
    const tag = build('smoke-fail', [
      `FROM ${bed.baseImage}`,
      'CMD ["sh", "-c", "echo boom >&2; wget -q -T 2 http://127.0.0.1:9/ || echo no network; exit 3"]',
    ]);
    const result = await runSmokeTest({
      runner: processRunner,
      docker: bed.docker,
      env: dockerEnv(),
      image: tag,
      command: ['true'],
    });
    expect(result).toMatchObject({ passed: false });
    expect(result.detail).toMatch(/^exited with code 3 after/);
    expect(result.log).toContain('boom');
    expect(result.log).toContain('no network');
    expect(running()).toBe('');
  });
});
