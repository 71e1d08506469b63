import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BuildStep, buildImage, defaultBuildInputs, parseListInput } from '../../src/build/index.js';
import { actionsCacheClient, type LocalCacheState, saveLocalCache } from '../../src/cache/index.js';
import { processRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import { type ActionsCacheServer, startActionsCacheServer } from '../helpers/actions-cache-server.js';
import { copyGateway, type GatewayCopy } from '../helpers/build-fixture.js';
import { type FreshBuilder, startFreshBuilder } from '../helpers/engine-fresh.js';
import { type BuilderName, builders, describeEachBuilder, testbed } from '../helpers/testbed.js';

const BEFORE_CODE = [
  'RUN mkdir -p /opt/sys',
  'RUN mkdir -p /opt/toolchain',
  'COPY requirements.lock',
  'RUN mkdir -p /opt/deps',
  'COPY --from=builder /opt/deps',
];

const cached = (steps: BuildStep[], prefix: string) =>
  steps.find((step) => step.instruction.startsWith(prefix))?.cached;

/**
 * What the local preset keeps on each builder, and which steps a wiped builder gets back from it. The
 * remote builder exports a mode=max cache directory (every stage); the engine's builders save
 * inline-cache images: the classic builder one per stage, buildx's docker driver the final stage's
 * only, so its builder stage runs again.
 */
const EXPECTED: Record<
  BuilderName,
  { mode: string; images: (repository: string) => string[]; builderStageRestored: boolean }
> = {
  'buildx-remote': { mode: 'buildx-directory', images: () => [], builderStageRestored: true },
  'buildx-docker': {
    mode: 'engine-images',
    images: (repository) => [`${repository}:buildcache`],
    builderStageRestored: false,
  },
  classic: {
    mode: 'engine-images',
    images: (repository) => [`${repository}:buildcache`, `${repository}:buildcache-builder`].sort(),
    builderStageRestored: true,
  },
};
const BUILDER_STAGE = ['RUN mkdir -p /opt/toolchain', 'COPY requirements.lock', 'RUN mkdir -p /opt/deps'];

/** What the saved cache holds: the RepoTags inside the `docker save` archive, or a cache directory's index. */
function savedCache(dir: string): string[] | 'cache directory' {
  if (existsSync(join(dir, 'index.json')) && !existsSync(join(dir, 'images.tar'))) return 'cache directory';
  return archiveTags(dir);
}

/** The RepoTags inside a `docker save` archive: what the saved cache holds. */
function archiveTags(dir: string): string[] {
  const manifest = execFileSync('tar', ['-xOf', join(dir, 'images.tar'), 'manifest.json'], {
    encoding: 'utf8',
  });
  return (JSON.parse(manifest) as { RepoTags: string[] | null }[])
    .flatMap((entry) => entry.RepoTags ?? [])
    .sort();
}

/**
 * The cache service protocol is the client's business, not the builder's: v2 (github.com) runs on
 * every builder, v1 (GHES) on the runners' main path only.
 */
const RUNS: [BuilderName, 'v1' | 'v2'][] = [
  ...builders().map((builder): [BuilderName, 'v2'] => [builder.name, 'v2']),
  ['buildx-remote', 'v1'],
];

for (const protocol of ['v2', 'v1'] as const) {
  const only = RUNS.filter((run) => run[1] === protocol).map((run) => run[0]);
  describeEachBuilder(
    `cache: local — @actions/cache against a loopback Actions cache service (${protocol})`,
    (builder) => {
      const unique = `${builder.name}-${protocol}-${process.pid}-${Date.now()}`;
      const expected = EXPECTED[builder.name];
      const saved: Record<string, string | undefined> = {};
      let server: ActionsCacheServer;
      let fresh: FreshBuilder;
      let gateway: GatewayCopy;
      let localRoot: string;
      let repository: string;

      beforeAll(async () => {
        server = await startActionsCacheServer(protocol);
        for (const name of [
          'ACTIONS_CACHE_URL',
          'ACTIONS_RESULTS_URL',
          'ACTIONS_RUNTIME_TOKEN',
          'ACTIONS_CACHE_SERVICE_V2',
          'GITHUB_SERVER_URL',
        ]) {
          saved[name] = process.env[name];
          delete process.env[name];
        }
        Object.assign(process.env, server.env, { ACTIONS_RUNTIME_TOKEN: 'loopback-token' });
        fresh = await startFreshBuilder(builder);
        gateway = copyGateway();
        localRoot = mkdtempSync(join(tmpdir(), 'ib-local-cache-'));
        repository = `${testbed().registry}/build/gateway-local-${unique}`;
      });
      afterAll(async () => {
        await fresh?.stop();
        await server?.close();
        for (const [name, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      });

      const build = (env: NodeJS.ProcessEnv) =>
        buildImage({
          inputs: defaultBuildInputs({
            context: gateway.dir,
            buildArgs: parseListInput(`BASE_IMAGE=${testbed().baseImage}`, { ignoreComma: true }),
            tags: [`${repository}:e2e`],
            network: 'none',
            cache: 'local',
          }),
          runner: processRunner,
          logger: silentLogger,
          env,
          localRoot,
          actionsCache: actionsCacheClient,
        });
      const save = (state: LocalCacheState | undefined, env: NodeJS.ProcessEnv) => {
        if (!state) throw new Error('the local preset returned no state for the post step');
        return saveLocalCache(state, {
          client: actionsCacheClient,
          runner: processRunner,
          env,
          logger: silentLogger,
          docker: builder.docker,
        });
      };

      let firstState: LocalCacheState | undefined;
      it('restore (miss), build, save: the entry holds exactly what that build exported', async () => {
        const first = await build(builder.env);
        firstState = first.localCache;
        expect(first.cache.local?.mode).toBe(expected.mode);
        expect(firstState?.matchedKey).toBeUndefined();
        expect(await save(firstState, builder.env)).toBe('saved');
        const entries = server.entries().filter((entry) => entry.committed);
        expect(entries.map((entry) => entry.key)).toEqual([firstState?.primaryKey]);
        const images = expected.images(repository);
        expect(savedCache(first.cache.local!.dir)).toEqual(images.length ? images : 'cache directory');
      });

      it('restore again on a wiped builder: the code change hits every step before it that the cache holds', async () => {
        const env = fresh.env;
        if (builder.name !== 'buildx-remote')
          expect(execFileSync(builder.docker, ['images', '-qa'], { env, encoding: 'utf8' }).trim()).toBe('');
        // A new runner: same path (the cache version hashes it), but empty; it comes only from the service.
        rmSync(localRoot, { recursive: true, force: true });
        gateway.changeCode(unique);
        const second = await build(env);
        expect(second.localCache?.matchedKey).toBe(firstState?.primaryKey);
        expect(
          Object.fromEntries(BEFORE_CODE.map((prefix) => [prefix, cached(second.result.steps, prefix)])),
        ).toEqual(
          Object.fromEntries(
            BEFORE_CODE.map((prefix) => [
              prefix,
              expected.builderStageRestored || !BUILDER_STAGE.includes(prefix),
            ]),
          ),
        );
        expect(cached(second.result.steps, 'COPY src/')).toBe(false);
        // Same Dockerfile and lock file: an exact hit saves nothing and leaves the restored cache in place.
        expect(await save(second.localCache, env)).toBe('skipped');
        const images = expected.images(repository);
        expect(savedCache(second.cache.local!.dir)).toEqual(images.length ? images : 'cache directory');
      });

      it('a dependency change restores by prefix and replaces the cache instead of growing it', async () => {
        const env = fresh.env;
        gateway.changeDependencies(unique);
        const third = await build(env);
        expect(third.localCache?.matchedKey).toBe(firstState?.primaryKey);
        expect(third.localCache?.primaryKey).not.toBe(firstState?.primaryKey);
        // The docker driver's wiped engine ran the builder stage once already (the code change): its own
        // engine cache now has the toolchain step.
        expect(cached(third.result.steps, 'RUN mkdir -p /opt/toolchain')).toBe(true);
        expect(cached(third.result.steps, 'RUN mkdir -p /opt/deps')).toBe(false);
        expect(await save(third.localCache, env)).toBe('saved');
        const images = expected.images(repository);
        expect(savedCache(third.cache.local!.dir)).toEqual(images.length ? images : 'cache directory');
        const committed = server.entries().filter((entry) => entry.committed);
        expect(committed).toHaveLength(2);
        if (images.length)
          expect(readFileSync(join(third.cache.local!.dir, 'images.tar')).length).toBeGreaterThan(0);
      });
    },
    only,
  );
}
