import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildStep, buildImage, defaultBuildInputs, parseListInput } from '../../src/build/index.js';
import { actionsCacheClient, type LocalCacheState, saveLocalCache } from '../../src/cache/index.js';
import { processRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import { type ActionsCacheServer, startActionsCacheServer } from '../helpers/actions-cache-server.js';
import { copyGateway, type GatewayCopy } from '../helpers/build-fixture.js';
import { type FreshEngine, startFreshEngine } from '../helpers/engine-fresh.js';
import { dockerEnv, testbed } from '../helpers/testbed.js';

const BEFORE_CODE = [
  'RUN mkdir -p /opt/sys',
  'RUN mkdir -p /opt/toolchain',
  'COPY requirements.lock',
  'RUN mkdir -p /opt/deps',
  'COPY --from=builder /opt/deps',
];

const cached = (steps: BuildStep[], prefix: string) =>
  steps.find((step) => step.instruction.startsWith(prefix))?.cached;

/** The RepoTags inside a `docker save` archive: what the saved cache holds. */
function archiveTags(dir: string): string[] {
  const manifest = execFileSync('tar', ['-xOf', join(dir, 'images.tar'), 'manifest.json'], {
    encoding: 'utf8',
  });
  return (JSON.parse(manifest) as { RepoTags: string[] | null }[])
    .flatMap((entry) => entry.RepoTags ?? [])
    .sort();
}

describe.each(['v1', 'v2'] as const)(
  'cache: local — @actions/cache against a loopback Actions cache service (%s)',
  (protocol) => {
    const unique = `${protocol}-${process.pid}-${Date.now()}`;
    const saved: Record<string, string | undefined> = {};
    let server: ActionsCacheServer;
    let fresh: FreshEngine;
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
      fresh = await startFreshEngine(testbed().docker, 'build-local');
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
        docker: testbed().docker,
      });
    };

    let firstState: LocalCacheState | undefined;
    it('restore (miss), build, save: the entry holds exactly the cache images of that build', async () => {
      const first = await build(dockerEnv());
      firstState = first.localCache;
      expect(first.cache.local?.mode).toBe('engine-images');
      expect(firstState?.matchedKey).toBeUndefined();
      expect(await save(firstState, dockerEnv())).toBe('saved');
      const entries = server.entries().filter((entry) => entry.committed);
      expect(entries.map((entry) => entry.key)).toEqual([firstState?.primaryKey]);
      expect(archiveTags(first.cache.local!.dir)).toEqual(
        [`${repository}:buildcache`, `${repository}:buildcache-builder`].sort(),
      );
    });

    it('restore again on an empty engine: the code change hits every step before it', async () => {
      const env = { ...dockerEnv(), DOCKER_HOST: fresh.dockerHost };
      expect(execFileSync(testbed().docker, ['images', '-qa'], { env, encoding: 'utf8' }).trim()).toBe('');
      // A new runner: same path (the cache version hashes it), but empty; it comes only from the service.
      rmSync(localRoot, { recursive: true, force: true });
      gateway.changeCode(unique);
      const second = await build(env);
      expect(second.localCache?.matchedKey).toBe(firstState?.primaryKey);
      expect(
        Object.fromEntries(BEFORE_CODE.map((prefix) => [prefix, cached(second.result.steps, prefix)])),
      ).toEqual(Object.fromEntries(BEFORE_CODE.map((prefix) => [prefix, true])));
      expect(cached(second.result.steps, 'COPY src/')).toBe(false);
      // Same Dockerfile and lock file: an exact hit saves nothing and leaves the restored cache in place.
      expect(await save(second.localCache, env)).toBe('skipped');
      expect(archiveTags(second.cache.local!.dir)).toHaveLength(2);
    });

    it('a dependency change restores by prefix and replaces the cache instead of growing it', async () => {
      const env = { ...dockerEnv(), DOCKER_HOST: fresh.dockerHost };
      gateway.changeDependencies(unique);
      const third = await build(env);
      expect(third.localCache?.matchedKey).toBe(firstState?.primaryKey);
      expect(third.localCache?.primaryKey).not.toBe(firstState?.primaryKey);
      expect(cached(third.result.steps, 'RUN mkdir -p /opt/toolchain')).toBe(true);
      expect(cached(third.result.steps, 'RUN mkdir -p /opt/deps')).toBe(false);
      expect(await save(third.localCache, env)).toBe('saved');
      expect(archiveTags(third.cache.local!.dir)).toHaveLength(2);
      const committed = server.entries().filter((entry) => entry.committed);
      expect(committed).toHaveLength(2);
      expect(readFileSync(join(third.cache.local!.dir, 'images.tar')).length).toBeGreaterThan(0);
    });
  },
);
