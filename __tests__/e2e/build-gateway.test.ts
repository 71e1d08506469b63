import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuildImageOutcome,
  type BuildStep,
  buildImage,
  defaultBuildInputs,
  parseListInput,
} from '../../src/build/index.js';
import { processRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import { copyGateway, type GatewayCopy } from '../helpers/build-fixture.js';
import { type FreshEngine, startFreshEngine } from '../helpers/engine-fresh.js';
import { dockerEnv, registryLogSize, registryRequests, testbed } from '../helpers/testbed.js';

/** The steps a change must NOT invalidate, and those it must, by instruction prefix. */
const BEFORE_CODE = [
  'RUN mkdir -p /opt/sys',
  'WORKDIR /app',
  'RUN mkdir -p /opt/toolchain',
  'COPY requirements.lock',
  'RUN mkdir -p /opt/deps',
  'COPY --from=builder /opt/deps',
];
const FROM_CODE = [
  'COPY src/',
  'RUN mkdir -p /app/build',
  'COPY --from=builder /app/build/',
  'COPY config/',
  'RUN echo "gateway',
];
const BEFORE_DEPS = ['RUN mkdir -p /opt/sys', 'WORKDIR /app', 'RUN mkdir -p /opt/toolchain'];
const FROM_DEPS = [
  'COPY requirements.lock',
  'RUN mkdir -p /opt/deps',
  'COPY src/',
  'RUN mkdir -p /app/build',
  'COPY --from=builder /opt/deps',
];

function step(steps: BuildStep[], prefix: string): BuildStep {
  const found = steps.find((candidate) => candidate.instruction.startsWith(prefix));
  if (!found) throw new Error(`no step "${prefix}" in ${steps.map((s) => s.instruction).join(' | ')}`);
  return found;
}

function cachedState(steps: BuildStep[], prefixes: string[]): Record<string, boolean> {
  return Object.fromEntries(prefixes.map((prefix) => [prefix, step(steps, prefix).cached]));
}

const allTrue = (prefixes: string[]) => Object.fromEntries(prefixes.map((prefix) => [prefix, true]));
const allFalse = (prefixes: string[]) => Object.fromEntries(prefixes.map((prefix) => [prefix, false]));

describe('building the gateway fixture on the real engine (classic BuildKit)', () => {
  const bed = () => testbed();
  const unique = `${process.pid}-${Date.now()}`;
  let gateway: GatewayCopy;
  let repository: string;

  const build = (options: { noCache?: boolean; push?: boolean; env?: NodeJS.ProcessEnv; tag?: string }) =>
    buildImage({
      inputs: defaultBuildInputs({
        context: gateway.dir,
        buildArgs: parseListInput(`BASE_IMAGE=${bed().baseImage}`, { ignoreComma: true }),
        tags: [`${repository}:${options.tag ?? 'e2e'}`],
        network: 'none',
        noCache: options.noCache ?? false,
        push: options.push ?? true,
      }),
      runner: processRunner,
      logger: silentLogger,
      env: options.env ?? dockerEnv(),
      automaticBuildArgs: {
        VERSION: '1.2.3',
        ENVIRONMENT: 'production',
        GIT_COMMIT: 'abc1234',
        BUILD_TIMESTAMP: '20260101-000000',
      },
    });

  beforeAll(() => {
    gateway = copyGateway();
    repository = `${bed().registry}/build/gateway-${unique}`;
  });

  let cold: BuildImageOutcome;
  let coldLayers: string[];
  const layersOf = (image: string) =>
    JSON.parse(
      execFileSync(bed().docker, ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', image], {
        env: dockerEnv(),
        encoding: 'utf8',
      }),
    ) as string[];
  it('cold (no cache): every step runs, the image is pushed once and its digest reported', async () => {
    const before = registryLogSize();
    cold = await build({ noCache: true });
    const built = cold.result.steps.filter((s) => !s.instruction.startsWith('FROM'));
    expect(built.length).toBeGreaterThanOrEqual(10);
    expect(built.filter((s) => s.cached)).toEqual([]);
    expect(cold.builder.kind).toBe('classic');
    expect(cold.cache.preset).toBe('inline');
    // base is in both other stages' FROM chains: only the builder needs its own cache image.
    expect(cold.cache.stageImages.map((image) => image.stage)).toEqual(['builder']);

    const head = await fetch(`http://${bed().registry}/v2/build/gateway-${unique}/manifests/e2e`, {
      method: 'HEAD',
      headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
    });
    expect(head.headers.get('docker-content-digest')).toBe(cold.result.digest);
    const inspect = execFileSync(
      bed().docker,
      [
        'image',
        'inspect',
        '--format',
        '{{.Id}} {{.Config.User}} {{index .Config.Labels "org.opencontainers.image.version"}}',
        `${repository}:e2e`,
      ],
      {
        env: dockerEnv(),
        encoding: 'utf8',
      },
    ).trim();
    // Declared automatic args reach the build; GIT_COMMIT is not declared, so it is never passed.
    expect(inspect).toBe(`${cold.result.imageId} 10001 1.2.3`);
    expect(cold.plan.commands.find((command) => command.role === 'image')?.args.join(' ')).not.toContain(
      'GIT_COMMIT',
    );
    // The requested tag was pushed exactly once (one manifest PUT for it).
    const puts = registryRequests(before, `build/gateway-${unique}`).filter(
      (r) => r.method === 'PUT' && r.path.endsWith('/manifests/e2e'),
    );
    expect(puts).toHaveLength(1);
    expect(cold.result.metadata['containerimage.digest']).toBe(cold.result.digest);
    coldLayers = layersOf(cold.result.imageId);
    expect(coldLayers.length).toBeGreaterThan(5);
  });

  it('hot: every step is a cache hit and the layers are unchanged', async () => {
    const hot = await build({});
    const built = hot.result.steps.filter((s) => !s.instruction.startsWith('FROM'));
    expect(built.length).toBeGreaterThanOrEqual(10);
    expect(built.filter((s) => !s.cached).map((s) => s.instruction)).toEqual([]);
    // Same layers (the config may differ: it carries the inline cache metadata).
    expect(layersOf(hot.result.imageId)).toEqual(coldLayers);
  });

  it('code change: every step before COPY src/ is cached, the code steps rebuild', async () => {
    gateway.changeCode(unique);
    const changed = await build({});
    expect(cachedState(changed.result.steps, BEFORE_CODE)).toEqual(allTrue(BEFORE_CODE));
    expect(cachedState(changed.result.steps, FROM_CODE)).toEqual(allFalse(FROM_CODE));
  });

  describe('a fresh engine restoring from the registry', () => {
    let fresh: FreshEngine;
    beforeAll(async () => {
      fresh = await startFreshEngine(bed().docker);
    });
    afterAll(async () => {
      await fresh?.stop();
    });

    it('hits every step before the changed COPY, in the builder stage too', async () => {
      const env = { ...dockerEnv(), DOCKER_HOST: fresh.dockerHost };
      const images = execFileSync(bed().docker, ['images', '-qa'], { env, encoding: 'utf8' }).trim();
      expect(images).toBe('');
      gateway.changeCode(`${unique}-fresh`);
      const restored = await build({ env, push: false });
      expect(cachedState(restored.result.steps, BEFORE_CODE)).toEqual(allTrue(BEFORE_CODE));
      expect(cachedState(restored.result.steps, FROM_CODE)).toEqual(allFalse(FROM_CODE));
    });
  });

  it('dependency change: base and toolchain cached, the lock file and everything after it rebuild', async () => {
    gateway.changeDependencies(unique);
    const changed = await build({});
    expect(cachedState(changed.result.steps, BEFORE_DEPS)).toEqual(allTrue(BEFORE_DEPS));
    expect(cachedState(changed.result.steps, FROM_DEPS)).toEqual(allFalse(FROM_DEPS));
  });
});
