import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildStep, buildImage, defaultBuildInputs, parseListInput } from '../../src/build/index.js';
import { processRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import { copyGateway, type GatewayCopy } from '../helpers/build-fixture.js';
import { type FreshBuilder, startFreshBuilder } from '../helpers/engine-fresh.js';
import {
  type BuilderName,
  describeEachBuilder,
  registryImage,
  registryLogSize,
  registryRequests,
  testbed,
} from '../helpers/testbed.js';

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

/** What each builder is detected as, and the cache `auto` picks for a pushed build on it. */
const EXPECTED: Record<
  BuilderName,
  { kind: string; driver?: string; preset: string; stageImages: string[] }
> = {
  // A BuildKit daemon exports a mode=max registry cache: every step of every stage.
  'buildx-remote': { kind: 'buildx', driver: 'remote', preset: 'registry', stageImages: [] },
  // The docker driver exports inline cache only: the final stage's steps, in the image itself.
  'buildx-docker': { kind: 'buildx', driver: 'docker', preset: 'inline', stageImages: [] },
  // The classic builder: inline cache, plus one cache image per stage the target needs (base is in
  // both other stages' FROM chains: only the builder needs its own).
  classic: { kind: 'classic', preset: 'inline', stageImages: ['builder'] },
};

/**
 * A wiped builder restoring from the registry after a code change: which steps before the change hit.
 * The remote builder's mode=max cache and the classic builder's per-stage images hold every stage;
 * the docker driver's inline cache holds the final stage only, so the builder stage runs again (its
 * output is the same, so the final stage's COPY --from it still hits).
 */
const FRESH_BEFORE_CODE: Record<BuilderName, Record<string, boolean>> = {
  'buildx-remote': allTrue(BEFORE_CODE),
  'buildx-docker': {
    ...allTrue(BEFORE_CODE),
    'RUN mkdir -p /opt/toolchain': false,
    'COPY requirements.lock': false,
    'RUN mkdir -p /opt/deps': false,
  },
  classic: allTrue(BEFORE_CODE),
};

describeEachBuilder('building the gateway fixture', (builder) => {
  const bed = () => testbed();
  const expected = EXPECTED[builder.name];
  const unique = `${builder.name}-${process.pid}-${Date.now()}`;
  const repositoryPath = `build/gateway-${unique}`;
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
      env: options.env ?? builder.env,
      automaticBuildArgs: {
        VERSION: '1.2.3',
        ENVIRONMENT: 'production',
        GIT_COMMIT: 'abc1234',
        BUILD_TIMESTAMP: '20260101-000000',
      },
    });

  beforeAll(() => {
    gateway = copyGateway();
    repository = `${bed().registry}/${repositoryPath}`;
  });

  let coldLayers: string[];
  it('cold (no cache): every step runs, the image is pushed once and its digest reported', async () => {
    const before = registryLogSize();
    const cold = await build({ noCache: true });
    const built = cold.result.steps.filter((s) => !s.instruction.startsWith('FROM'));
    expect(built.length).toBeGreaterThanOrEqual(10);
    expect(built.filter((s) => s.cached)).toEqual([]);
    expect(cold.builder.kind).toBe(expected.kind);
    if (cold.builder.kind === 'buildx') expect(cold.builder.driver).toBe(expected.driver);
    expect(cold.cache.preset).toBe(expected.preset);
    expect(cold.cache.stageImages.map((image) => image.stage)).toEqual(expected.stageImages);

    // What the registry holds is what was reported: digest, config (the image id), user, labels.
    const published = await registryImage(repositoryPath, 'e2e');
    expect(published.digest).toBe(cold.result.digest);
    expect(published.config.digest).toBe(cold.result.imageId);
    expect(published.config.config.User).toBe('10001');
    // Declared automatic args reach the build; GIT_COMMIT is not declared, so it is never passed.
    expect(published.config.config.Labels?.['org.opencontainers.image.version']).toBe('1.2.3');
    expect(cold.plan.commands.find((command) => command.role === 'image')?.args.join(' ')).not.toContain(
      'GIT_COMMIT',
    );
    // The requested tag was pushed exactly once (one manifest PUT for it).
    const puts = registryRequests(before, repositoryPath).filter(
      (r) => r.method === 'PUT' && r.path.endsWith('/manifests/e2e'),
    );
    expect(puts).toHaveLength(1);
    expect(cold.result.metadata['containerimage.digest']).toBe(cold.result.digest);
    coldLayers = published.layers;
    expect(coldLayers.length).toBeGreaterThan(5);
  });

  it('hot: every step is a cache hit and the layers are unchanged', async () => {
    const hot = await build({});
    const built = hot.result.steps.filter((s) => !s.instruction.startsWith('FROM'));
    expect(built.length).toBeGreaterThanOrEqual(10);
    expect(built.filter((s) => !s.cached).map((s) => s.instruction)).toEqual([]);
    // Same layers (the config may differ: it carries the inline cache metadata).
    expect((await registryImage(repositoryPath, 'e2e')).layers).toEqual(coldLayers);
  });

  it('code change: every step before COPY src/ is cached, the code steps rebuild', async () => {
    gateway.changeCode(unique);
    const changed = await build({});
    expect(cachedState(changed.result.steps, BEFORE_CODE)).toEqual(allTrue(BEFORE_CODE));
    expect(cachedState(changed.result.steps, FROM_CODE)).toEqual(allFalse(FROM_CODE));
  });

  describe('a wiped builder restoring from the registry', () => {
    let fresh: FreshBuilder;
    beforeAll(async () => {
      fresh = await startFreshBuilder(builder);
    });
    afterAll(async () => {
      await fresh?.stop();
    });

    it('hits the steps before the changed COPY that its cache holds', async () => {
      if (builder.name !== 'buildx-remote') {
        const images = execFileSync(builder.docker, ['images', '-qa'], { env: fresh.env, encoding: 'utf8' });
        expect(images.trim()).toBe('');
      }
      gateway.changeCode(`${unique}-fresh`);
      const restored = await build({ env: fresh.env, push: false });
      if (restored.builder.kind === 'buildx') {
        expect(restored.builder.name).toBe(builder.name === 'buildx-remote' ? 'fresh' : 'default');
      }
      expect(cachedState(restored.result.steps, BEFORE_CODE)).toEqual(FRESH_BEFORE_CODE[builder.name]);
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
