import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ClassicBuilder } from '../../src/build/index.js';
import { ImagesFileError, type GraphResult } from '../../src/graph/index.js';
import { GraphFailedError, planGraph, runGraph, type GraphDeps } from '../../src/pipeline/graph.js';
import { renderGraphTable } from '../../src/pipeline/graph-report.js';
import type { ImageReport } from '../../src/report/index.js';
import type { ImageBuildInputs } from '../../src/pipeline/inputs.js';
import { computeTags, type ImageBuildDeps, type ImageBuildResult } from '../../src/pipeline/image-build.js';
import type { PublishResult } from '../../src/publish/index.js';
import { InputError } from '../../src/util/errors.js';
import { capturingLogger, recordingRunner } from '../helpers/ecr-recorders.js';
import { memoryWriter } from '../publish/memory-writer.js';

const examples = fileURLToPath(new URL('../../examples/graph/', import.meta.url));
const REGISTRY = 'registry.test/platform';
const builder: ClassicBuilder = {
  kind: 'classic',
  docker: 'docker',
  engineVersion: '20.10.24',
  platforms: [],
};

interface Call {
  name: string;
  kind: 'build' | 'promote';
  buildArgs: string[];
  source?: string;
}

/**
 * The example graph in a temporary directory, a memory registry, and a per-image run that publishes
 * into it as the real one would (the builder's push, then every tag); `fail` makes one image's run throw.
 */
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'ib-graph-'));
  cpSync(examples, dir, { recursive: true });
  const registry = memoryWriter();
  registry.push('busybox', '1', registry.image('busybox'));
  const calls: Call[] = [];
  const fail = new Set<string>();
  let builds = 0;
  const env: NodeJS.ProcessEnv = {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: 'a1b2c3d4'.repeat(5),
    RUNTIME_FROM: 'registry.test/busybox:1',
  };
  const runImage = async (inputs: ImageBuildInputs, deps: ImageBuildDeps): Promise<ImageBuildResult> => {
    const repository = inputs.metadata.images[0].name.replace('registry.test/', '');
    const name = repository.split('/').pop() as string;
    const source = inputs.publish.promoteFrom;
    calls.push({
      name,
      kind: source ? 'promote' : 'build',
      buildArgs: inputs.build.buildArgs.map((item) => item.value),
      ...(source && { source }),
    });
    if (fail.has(name)) throw new Error(`${name}: RUN exited with 1 | <b>`);
    const { metadata, context } = await computeTags(inputs, deps);
    if (!inputs.publish.push) {
      // Built into the engine only: an image ID, no registry digest.
      const build = { result: { imageId: `sha256:${String(++builds).padStart(64, '0')}`, pushed: [] } };
      return {
        metadata,
        context,
        build: build as unknown as ImageBuildResult['build'],
        scans: [],
        state: {},
      };
    }
    const manifest = source
      ? await registry.writer.getManifest(repository, source.split('@')[1])
      : registry.image(`${name} build ${++builds}`, `sha256:${String(builds).padStart(64, '0')}`);
    await registry.writer.putTags(repository, manifest, metadata.tagNames);
    const publish: PublishResult = {
      digest: manifest.digest,
      notices: [],
      registries: [
        {
          image: `registry.test/${repository}`,
          registry: 'registry.test',
          repository,
          digest: manifest.digest,
          mediaType: manifest.mediaType,
          tags: metadata.tagNames.map((tag, index) => ({
            tag,
            status: source ? 'unchanged' : index === 0 ? 'pushed' : 'written',
          })),
          manifest,
        },
      ],
    };
    return { metadata, context, publish, scans: [], state: {} };
  };
  const runner = recordingRunner(() => ({ exitCode: 1, stdout: '', stderr: 'no commands in unit tests' }));
  const deps: GraphDeps = {
    env,
    runner,
    logger: capturingLogger(),
    builder,
    writers: () => registry.writer,
    runImage,
    now: new Date('2024-05-01T12:00:00Z'),
  };
  const options = {
    file: join(dir, 'image-build.yml'),
    read: (input: string) => ({ push: 'true' })[input] ?? '',
    registry: REGISTRY,
  };
  return { dir, registry, calls, fail, deps, options, runner };
}

const statuses = (result: GraphResult) =>
  Object.fromEntries(result.rows.map((row) => [row.name, row.status]));
const built = (calls: Call[]) => calls.filter((call) => call.kind === 'build').map((call) => call.name);
const PARENT: Record<string, string> = {
  'base-ml': 'base-runtime',
  gateway: 'base-runtime',
  embedder: 'base-ml',
  ranker: 'base-ml',
};

/** Everything was built, each image after its parent (siblings in any order: their I/O decides). */
function expectAllBuiltParentsFirst(calls: Call[]) {
  const names = built(calls);
  expect([...names].sort()).toEqual(['base-ml', 'base-runtime', 'embedder', 'gateway', 'ranker']);
  for (const [child, parent] of Object.entries(PARENT)) {
    expect(names.indexOf(parent)).toBeLessThan(names.indexOf(child));
  }
}

describe('runGraph', () => {
  let graph: ReturnType<typeof setup>;
  beforeEach(() => {
    graph = setup();
  });

  it('builds parents first and passes each parent to its children pinned by digest', async () => {
    const result = await runGraph(graph.options, graph.deps);
    expectAllBuiltParentsFirst(graph.calls);
    const digest = (name: string) => result.rows.find((row) => row.name === name)?.digest;
    const argsOf = (name: string) => graph.calls.find((call) => call.name === name)?.buildArgs;
    expect(argsOf('base-runtime')).toEqual(['RUNTIME_FROM']);
    expect(argsOf('base-ml')).toEqual([`BASE_IMAGE=${REGISTRY}/base-runtime@${digest('base-runtime')}`]);
    expect(argsOf('gateway')).toEqual([`BASE_IMAGE=${REGISTRY}/base-runtime@${digest('base-runtime')}`]);
    expect(argsOf('embedder')).toEqual([`BASE_IMAGE=${REGISTRY}/base-ml@${digest('base-ml')}`]);
    expect(statuses(result)).toEqual({
      'base-runtime': 'built',
      'base-ml': 'built',
      embedder: 'built',
      ranker: 'built',
      gateway: 'built',
    });
    // Each image carries its inputs tag, on the manifest it was published as.
    for (const row of result.rows) {
      const tag = `inputs-${row.inputsHash?.slice(0, 16)}`;
      expect([...row.tags].sort()).toEqual([tag, 'main', 'sha-a1b2c3d']);
      expect(graph.registry.tags(`platform/${row.name}`).get(tag)).toBe(row.digest);
    }
    expect(result.rows.find((row) => row.name === 'base-ml')?.parents).toEqual([
      {
        name: 'base-runtime',
        arg: 'BASE_IMAGE',
        reference: `${REGISTRY}/base-runtime@${digest('base-runtime')}`,
      },
    ]);
  });

  it('reuses every image on an unchanged re-run: nothing builds, the new tags are written', async () => {
    const first = await runGraph(graph.options, graph.deps);
    graph.calls.length = 0;
    graph.deps.env.GITHUB_SHA = 'f'.repeat(40);
    const second = await runGraph(graph.options, graph.deps);
    expect(built(graph.calls)).toEqual([]);
    expect(Object.values(statuses(second))).toEqual(Array(5).fill('reused'));
    for (const row of second.rows) {
      const before = first.rows.find((other) => other.name === row.name);
      expect(row.digest).toBe(before?.digest);
      expect(row.inputsHash).toBe(before?.inputsHash);
      expect(graph.calls.find((call) => call.name === row.name)?.source).toBe(
        `${REGISTRY}/${row.name}@${row.digest}`,
      );
      expect(graph.registry.tags(`platform/${row.name}`).get('sha-fffffff')).toBe(row.digest);
    }
    expect(graph.runner.commands).toEqual([]);
  });

  it('rebuilds only the service whose file changed', async () => {
    await runGraph(graph.options, graph.deps);
    graph.calls.length = 0;
    writeFileSync(join(graph.dir, 'services/ranker/rank.sh'), '#!/bin/sh\necho "ranking v2"\n');
    const result = await runGraph(graph.options, graph.deps);
    expect(built(graph.calls)).toEqual(['ranker']);
    expect(statuses(result)).toMatchObject({ ranker: 'built', embedder: 'reused', 'base-ml': 'reused' });
  });

  it('does not rebuild for a change in a file .dockerignore drops', async () => {
    await runGraph(graph.options, graph.deps);
    graph.calls.length = 0;
    writeFileSync(join(graph.dir, 'base-runtime/notes/README.md'), 'edited notes\n');
    await runGraph(graph.options, graph.deps);
    expect(built(graph.calls)).toEqual([]);
  });

  it('rebuilds everything downstream of a changed base, on the new digest', async () => {
    const first = await runGraph(graph.options, graph.deps);
    graph.calls.length = 0;
    writeFileSync(join(graph.dir, 'base-runtime/etc/platform.conf'), 'log_level=debug\n');
    const second = await runGraph(graph.options, graph.deps);
    expectAllBuiltParentsFirst(graph.calls);
    const runtime = second.rows.find((row) => row.name === 'base-runtime');
    expect(runtime?.digest).not.toBe(first.rows.find((row) => row.name === 'base-runtime')?.digest);
    expect(graph.calls.find((call) => call.name === 'gateway')?.buildArgs).toEqual([
      `BASE_IMAGE=${REGISTRY}/base-runtime@${runtime?.digest}`,
    ]);
  });

  it('rebuilds the root when its external base moves to another digest', async () => {
    await runGraph(graph.options, graph.deps);
    graph.calls.length = 0;
    graph.registry.push('busybox', '1', graph.registry.image('busybox, patched'));
    await runGraph(graph.options, graph.deps);
    expectAllBuiltParentsFirst(graph.calls);
  });

  it('skips the children of a failed image, builds the others, and fails at the end with every row', async () => {
    graph.fail.add('base-ml');
    const error = await runGraph(graph.options, graph.deps).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphFailedError);
    const result = (error as GraphFailedError).result;
    expect((error as Error).message).toBe('the graph failed: base-ml failed; embedder, ranker skipped');
    expect(statuses(result)).toEqual({
      'base-runtime': 'built',
      'base-ml': 'failed',
      embedder: 'skipped',
      ranker: 'skipped',
      gateway: 'built',
    });
    expect(result.ok).toBe(false);
    expect(result.rows.find((row) => row.name === 'embedder')?.reason).toBe('parent base-ml failed');
    expect([...built(graph.calls)].sort()).toEqual(['base-ml', 'base-runtime', 'gateway']);
    // A failure's text is inert in the table.
    const table = renderGraphTable(result);
    expect(table).toContain('| `base-ml` | 1 | failed ❌: base-ml: RUN exited with 1 \\| \\<b\\> |');
    expect(table).toContain('| `embedder` | 2 | skipped: parent base-ml failed |');
    expect(table).toMatch(/\n2 built, 2 skipped, 1 failed in \d+\.\d s$/);
  });

  it('does not skip the children of a reused image whose tags could not be written: its digest stands', async () => {
    await runGraph(graph.options, graph.deps);
    graph.fail.add('base-runtime');
    const error = (await runGraph(graph.options, graph.deps).catch(
      (caught: unknown) => caught,
    )) as GraphFailedError;
    expect(statuses(error.result)).toEqual({
      'base-runtime': 'failed',
      'base-ml': 'reused',
      embedder: 'reused',
      ranker: 'reused',
      gateway: 'reused',
    });
  });

  it('runs only the images asked for, on parents already published', async () => {
    await runGraph(graph.options, graph.deps);
    graph.calls.length = 0;
    writeFileSync(join(graph.dir, 'services/embedder/app/main.sh'), 'echo v2\n');
    const result = await runGraph({ ...graph.options, only: ['embedder'] }, graph.deps);
    expect(graph.calls.map((call) => `${call.kind} ${call.name}`)).toEqual(['build embedder']);
    expect(result.rows.map((row) => row.name)).toEqual(['embedder']);
  });

  it('refuses to build a child alone whose parent is not published at its inputs', async () => {
    await expect(runGraph({ ...graph.options, only: ['embedder'] }, graph.deps)).rejects.toThrow(
      new InputError(
        'only',
        '"embedder" needs its parent "base-ml" published at its current inputs (its parent base-runtime builds first): build "base-ml" first',
      ),
    );
    await expect(runGraph({ ...graph.options, only: ['nope'] }, graph.deps)).rejects.toThrow(
      '"nope" is not an image of',
    );
    expect(graph.calls).toEqual([]);
  });

  it('finds bad input in any image before the first build', async () => {
    const path = join(graph.dir, 'services/ranker/Dockerfile');
    writeFileSync(path, readFileSync(path, 'utf8').replace('ARG BASE_IMAGE', 'ARG PARENT'));
    const error = await runGraph(graph.options, graph.deps).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImagesFileError);
    expect((error as Error).message).toMatch(
      /image-build\.yml:\d+:17: image "ranker" depends on "base-ml" through the build arg BASE_IMAGE, but .*services\/ranker\/Dockerfile declares no ARG BASE_IMAGE/,
    );
    expect(graph.calls).toEqual([]);
  });

  it.each([
    ['tags: [type=bogus]', 'tags', /image "gateway": input "tags".*bogus/],
    ['target: nope', 'target', /image "gateway": .*has no stage named "nope"/],
    ['build-args: { BASE_IMAGE: x }', 'build-args', /build-args sets BASE_IMAGE, which depends-on passes/],
    ['context: missing', 'context', /the context directory .*missing does not exist/],
  ])('places a bad %s at its key in the file', async (line, key, message) => {
    const path = join(graph.dir, 'image-build.yml');
    const text = readFileSync(path, 'utf8');
    const replaced = text.replace(
      '    context: services/gateway\n',
      `    context: services/gateway\n    ${line}\n`,
    );
    writeFileSync(
      path,
      key === 'context' ? replaced.replace('    context: services/gateway\n', '') : replaced,
    );
    const lines = readFileSync(path, 'utf8').split('\n');
    const gateway = lines.indexOf('  gateway:');
    const lineOfKey = lines.findIndex((l, index) => index > gateway && l.startsWith(`    ${key}:`)) + 1;
    const error = await runGraph(graph.options, graph.deps).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(message);
    expect((error as ImagesFileError).line).toBe(lineOfKey);
    expect(graph.calls).toEqual([]);
  });

  it("without push, builds everything and gives children the parent's local tag", async () => {
    const local = { ...graph.options, registry: undefined, read: () => '' };
    const result = await runGraph(local, graph.deps);
    expect(Object.values(statuses(result))).toEqual(Array(5).fill('built'));
    expect(graph.calls.find((call) => call.name === 'base-ml')?.buildArgs).toEqual([
      'BASE_IMAGE=base-runtime:main',
    ]);
    expect(result.rows.find((row) => row.name === 'base-ml')?.digest).toMatch(/^sha256:/);
    const plan = await planGraph(local, graph.deps);
    expect(plan.images[0]).toMatchObject({
      published: null,
      reason: 'push is off: nothing is published',
      images: [],
    });
    expect(graph.registry.calls.filter((call) => call.startsWith('resolve inputs-'))).toEqual([]);
  });

  it('rebuilds with reuse off, and checks the concurrency option', async () => {
    await runGraph(graph.options, graph.deps);
    graph.calls.length = 0;
    await runGraph({ ...graph.options, reuse: false, concurrency: 1 }, graph.deps);
    expect(built(graph.calls)).toHaveLength(5);
    await expect(runGraph({ ...graph.options, concurrency: 0 }, graph.deps)).rejects.toThrow(InputError);
  });
});

describe('planGraph', () => {
  it('lists the graph in order with levels; hashes wait for unpublished parents', async () => {
    const graph = setup();
    const before = await planGraph(graph.options, graph.deps);
    expect(before.levels).toEqual([['base-runtime'], ['base-ml', 'gateway'], ['embedder', 'ranker']]);
    expect(
      before.images.map(({ name, level, dependsOn, published }) => ({ name, level, dependsOn, published })),
    ).toEqual([
      { name: 'base-runtime', level: 0, dependsOn: [], published: false },
      { name: 'base-ml', level: 1, dependsOn: ['base-runtime'], published: null },
      { name: 'embedder', level: 2, dependsOn: ['base-ml'], published: null },
      { name: 'ranker', level: 2, dependsOn: ['base-ml'], published: null },
      { name: 'gateway', level: 1, dependsOn: ['base-runtime'], published: null },
    ]);
    expect(before.images[0].inputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(before.images[1]).toMatchObject({
      reason: 'its parent base-runtime builds first',
      images: [`${REGISTRY}/base-ml`],
    });
    expect(before.images[1].inputsHash).toBeUndefined();

    const result = await runGraph(graph.options, graph.deps);
    const after = await planGraph(graph.options, graph.deps);
    for (const entry of after.images) {
      const row = result.rows.find((other) => other.name === entry.name);
      expect(entry).toMatchObject({ published: true, digest: row?.digest, inputsHash: row?.inputsHash });
      expect(entry.inputsTag).toBe(`inputs-${row?.inputsHash?.slice(0, 16)}`);
    }
    // JSON as the CLI prints it: nothing in it that does not serialise.
    expect(JSON.parse(JSON.stringify(after))).toEqual(after);
  });

  it('names each image as the run publishes it: {env} expanded, the run registry applied', async () => {
    const graph = setup();
    const path = graph.options.file;
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        'base-runtime:\n    context: base-runtime\n',
        'base-runtime:\n    context: base-runtime\n    images: team/runtime-{env}\n',
      ),
    );
    // As the CLI passes `--registry`: the graph's default repository and the run's `registry` input.
    const read = (input: string) =>
      ({ push: 'true', environment: 'staging', registry: REGISTRY })[input] ?? '';
    const plan = await planGraph({ ...graph.options, read }, graph.deps);
    expect(plan.images.find((image) => image.name === 'base-runtime')?.images).toEqual([
      `${REGISTRY}/team/runtime-staging`,
    ]);
    const result = await runGraph({ ...graph.options, read }, graph.deps);
    expect(result.rows.find((row) => row.name === 'base-runtime')?.image).toBe(
      `${REGISTRY}/team/runtime-staging`,
    );
    expect(graph.registry.tags('platform/team/runtime-staging').size).toBeGreaterThan(0);
  });

  it('has no hash for an image whose external base cannot be read, and says why', async () => {
    const graph = setup();
    graph.deps.env.RUNTIME_FROM = 'registry.test/busybox:missing';
    const plan = await planGraph(graph.options, graph.deps);
    expect(plan.images[0]).toMatchObject({ published: null });
    expect(plan.images[0].reason).toContain('the digest of registry.test/busybox:missing is unknown');
  });
});

describe('renderGraphTable with the images’ reports', () => {
  it('splits each image’s compressed size into its own layers and its base’s, with the change against its baseline', () => {
    const result = {
      ok: true,
      durationMs: 1500,
      rows: [
        {
          name: 'base-ml',
          level: 1,
          status: 'built' as const,
          parents: [],
          tags: ['1.0.0'],
          durationMs: 900,
          size: 10,
        },
        {
          name: 'ranker',
          level: 2,
          status: 'reused' as const,
          reason: 'inputs unchanged',
          parents: [],
          tags: ['1.0.0'],
          durationMs: 100,
        },
      ],
    };
    const report = (own: number, base: number, delta?: number) =>
      ({
        sizes: {
          compressedBytes: own + base,
          configBytes: 1,
          layerCount: 3,
          own: { compressedBytes: own, layerCount: 2 },
          base: { compressedBytes: base, layerCount: 1 },
        },
        ...(delta !== undefined && { baseline: { compressedDelta: delta, label: 'ranker:main' } }),
      }) as unknown as ImageReport;
    const table = renderGraphTable(
      result,
      new Map([
        ['base-ml', report(2048, 1024 * 1024)],
        ['ranker', report(512, 2 * 1024 * 1024, 0)],
      ]),
    );
    expect(table).toContain('| `base-ml` | 1 | built | 1.00 MiB | 2.00 KiB | 1.00 MiB |  | 0.9 s |');
    expect(table).toContain(
      '| `ranker` | 2 | reused: inputs unchanged | 2.00 MiB | 512 B | 2.00 MiB | = vs ranker:main | 0.1 s |',
    );
    expect(table).toMatch(/\n1 built, 1 reused in 1\.5 s$/);
  });
});
