import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerPushPrimary } from '../../src/publish/docker-push.js';
import { promote, publish, type PushPrimary } from '../../src/publish/publish.js';
import type { PublishResult } from '../../src/publish/result.js';
import { registryWriters } from '../../src/publish/targets.js';
import { dockerConfigCredentials } from '../../src/registry/credentials.js';
import { processRunner } from '../../src/util/exec.js';
import { createConsoleLogger, type Logger } from '../../src/util/log.js';
import { freePort, startRegistry, type RegistryInstance } from '../helpers/registry-instance.js';
import { dockerEnv, registryLogSize, registryRequests, testbed } from '../helpers/testbed.js';

const unique = `${process.pid}-${Date.now()}`;

/** Builds a small image whose content (and so digest) is unique to `label`. */
function buildImage(label: string): string {
  const bed = testbed();
  const dir = mkdtempSync(join(tmpdir(), 'ib-publish-build-'));
  writeFileSync(
    join(dir, 'Dockerfile'),
    `FROM ${bed.baseImage}\nRUN echo "${label} ${unique}" > /label.txt\n`,
  );
  const image = `publish/local-${label}-${unique}`.toLowerCase();
  execFileSync(bed.docker, ['build', '--network=none', '-q', '-t', image, dir], {
    env: dockerEnv(),
    stdio: 'pipe',
  });
  return image;
}

/** `docker push` through the CommandRunner, remembering where the registry log stood when it finished. */
function pusher(sourceImage: string, env: NodeJS.ProcessEnv = dockerEnv()) {
  const push = dockerPushPrimary({ runner: processRunner, docker: testbed().docker, env, sourceImage });
  const state = { calls: [] as string[], logAfterPush: 0 };
  const pushPrimary: PushPrimary = async (reference) => {
    state.calls.push(reference);
    const result = await push(reference);
    state.logAfterPush = registryLogSize();
    return result;
  };
  return { pushPrimary, state };
}

const statuses = (result: PublishResult, index = 0) =>
  Object.fromEntries(result.registries[index].tags.map((t) => [t.tag, t.status]));

describe('publish against the real registry and engine', () => {
  const writers = registryWriters({ runner: processRunner });

  it('pushes one tag with docker, then each other tag is one manifest PUT: no blob or HEAD requests', async () => {
    const bed = testbed();
    const repository = `publish/five-${unique}`;
    const image = `${bed.registry}/${repository}`;
    const { pushPrimary, state } = pusher(buildImage('five'));
    const tags = ['1.2.3', 'sha-a1b2c3d', '1.2', '1', 'latest'];
    const result = await publish({ images: [image], tags, pushPrimary, writers });

    expect(state.calls).toEqual([`${image}:1.2.3`]);
    expect(statuses(result)).toEqual({
      '1.2.3': 'pushed',
      'sha-a1b2c3d': 'written',
      '1.2': 'written',
      '1': 'written',
      latest: 'written',
    });
    const ours = registryRequests(state.logAfterPush, repository);
    expect(ours.filter((r) => r.path.includes('/blobs/'))).toEqual([]);
    const puts = ours.filter((r) => r.method === 'PUT');
    const tagPuts = puts
      .filter((r) => !r.path.includes('sha256:'))
      .map((r) => r.path.split('/manifests/')[1]);
    // One PUT per tag, a few in flight at once (so in any order).
    expect([...tagPuts].sort()).toEqual(['1', '1.2', 'latest', 'sha-a1b2c3d']);
    // After the push: the exact bytes read once (by the primary tag), the tag list for the race check, the PUTs.
    expect(ours.filter((r) => r.method === 'HEAD')).toEqual([]);
    const reads = ours
      .filter((r) => r.method === 'GET')
      .map((r) => r.path.replace(/^.*\/(manifests|tags)\//, '$1/'));
    expect(reads).toEqual(['manifests/1.2.3', 'tags/list?n=1000']);
    for (const tag of tags)
      expect(await writers(bed.registry).resolveTag(repository, tag)).toBe(result.digest);

    // A re-push of the same image moves nothing: the pinned tag is looked at and left alone, each moving
    // tag is one PUT of the same bytes (no HEAD first: it would cost the same request).
    const rerun = await publish({ images: [image], tags, pushPrimary, writers });
    expect(rerun.digest).toBe(result.digest);
    expect(statuses(rerun)).toEqual({
      '1.2.3': 'pushed',
      'sha-a1b2c3d': 'unchanged',
      '1.2': 'written',
      '1': 'written',
      latest: 'written',
    });
    const again = registryRequests(state.logAfterPush, repository);
    expect(
      again
        .filter((r) => r.method === 'PUT')
        .map((r) => r.path.split('/manifests/')[1])
        .sort(),
    ).toEqual(['1', '1.2', 'latest']);
    expect(again.filter((r) => r.method === 'HEAD').map((r) => r.path.split('/manifests/')[1])).toEqual([
      'sha-a1b2c3d',
    ]);
    for (const tag of tags)
      expect(await writers(bed.registry).resolveTag(repository, tag)).toBe(result.digest);
  });

  it('keeps latest on 2.0.0 when a 1.4.3 hotfix is published after it, unless the guard is off', async () => {
    const bed = testbed();
    const repository = `publish/guard-${unique}`;
    const image = `${bed.registry}/${repository}`;
    const two = await publish({
      images: [image],
      tags: ['2.0.0', '2', 'latest'],
      pushPrimary: pusher(buildImage('two')).pushPrimary,
      writers,
    });
    const hotfix = await publish({
      images: [image],
      tags: ['1.4.3', '1.4', '1', 'latest'],
      pushPrimary: pusher(buildImage('hotfix')).pushPrimary,
      writers,
    });
    expect(statuses(hotfix)).toEqual({
      '1.4.3': 'pushed',
      '1.4': 'written',
      '1': 'written',
      latest: 'held-back',
    });
    expect(hotfix.notices.join('\n')).toMatch(/latest held-back: 1\.4\.3 is lower than 2\.0\.0/);
    const client = writers(bed.registry);
    expect(await client.resolveTag(repository, 'latest')).toBe(two.digest);
    expect(await client.resolveTag(repository, '1')).toBe(hotfix.digest);

    const unguarded = await publish({
      images: [image],
      tags: ['1.4.3', 'latest'],
      guardFloatingTags: false,
      pushPrimary: pusher(buildImage('hotfix')).pushPrimary,
      writers,
    });
    expect(statuses(unguarded).latest).toBe('written');
    expect(await client.resolveTag(repository, 'latest')).toBe(unguarded.digest);
  });

  it('promotes an existing tag to release tags, in the same repository and into another one by mount', async () => {
    const bed = testbed();
    const repository = `publish/promote-${unique}`;
    const image = `${bed.registry}/${repository}`;
    const built = await publish({
      images: [image],
      tags: ['sha-0123abc'],
      pushPrimary: pusher(buildImage('promote')).pushPrimary,
      writers,
    });
    const prodRepository = `publish/promote-prod-${unique}`;
    const before = registryLogSize();
    const result = await promote({
      source: `${image}:sha-0123abc`,
      images: [image, `${bed.registry}/${prodRepository}`],
      tags: ['1.0.0', '1', 'latest'],
      writers,
    });
    expect(result.registries.map((r) => r.digest)).toEqual([built.digest, built.digest]);
    expect(statuses(result, 0)).toEqual({ '1.0.0': 'written', '1': 'written', latest: 'written' });
    expect(statuses(result, 1)).toEqual({ '1.0.0': 'written', '1': 'written', latest: 'written' });
    const client = writers(bed.registry);
    expect(await client.resolveTag(prodRepository, 'latest')).toBe(built.digest);
    // The other repository got its blobs by mount, not by upload.
    const prodRequests = registryRequests(before, prodRepository);
    expect(
      prodRequests.filter((r) => r.method === 'POST' && r.path.includes('mount=')).length,
    ).toBeGreaterThan(0);
    expect(
      prodRequests.filter((r) => r.method === 'PATCH' || (r.method === 'PUT' && r.path.includes('/blobs/'))),
    ).toEqual([]);

    const beforeMissing = registryLogSize();
    await expect(
      promote({ source: `${image}:does-not-exist`, images: [image], tags: ['9.9.9'], writers }),
    ).rejects.toThrow(/input "promote-from": .*does-not-exist does not exist/);
    expect(registryRequests(beforeMissing, repository).filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('finds an unreachable registry, an invalid reference and missing credentials before pushing', async () => {
    const { pushPrimary, state } = pusher(buildImage('bad'));
    const fast = registryWriters({ runner: processRunner, retry: { attempts: 2, baseDelayMs: 50 } });
    const nobody = `127.0.0.1:${await freePort()}`;
    await expect(
      publish({
        images: [`${testbed().registry}/publish/ok-${unique}`, `${nobody}/publish/app`],
        tags: ['1.0.0'],
        pushPrimary,
        writers: fast,
      }),
    ).rejects.toThrow(
      new RegExp(`publish to ${nobody}/publish/app: registry ${nobody} is not usable: .*ECONNREFUSED`),
    );
    await expect(
      publish({ images: ['127.0.0.1:1/Publish/App'], tags: ['1.0.0'], pushPrimary, writers: fast }),
    ).rejects.toThrow(/input "images", line 1: invalid image reference/);
    const locked = await startRegistry({ htpasswd: { user: 'u', password: `p-${unique}` } });
    try {
      const noCredentials = registryWriters({
        runner: processRunner,
        credentials: { get: async () => undefined },
      });
      await expect(
        publish({
          images: [`${locked.address}/publish/app`],
          tags: ['1.0.0'],
          pushPrimary,
          writers: noCredentials,
        }),
      ).rejects.toThrow(/requires credentials and none were found/);
    } finally {
      await locked.stop();
    }
    expect(state.calls).toEqual([]);
  });
});

describe('publish to two registries with a password, which never shows', () => {
  let privateRegistry: RegistryInstance;
  const password = `Sup3r-secret-${unique}`;
  const user = 'publish-bot';

  beforeAll(async () => {
    privateRegistry = await startRegistry({ htpasswd: { user, password } });
  });
  afterAll(async () => {
    await privateRegistry?.stop();
  });

  it('pushes once per registry, tags both, and no password reaches logs, outputs, errors or argv', async () => {
    const bed = testbed();
    const configDir = mkdtempSync(join(tmpdir(), 'ib-publish-dockercfg-'));
    const env = { ...dockerEnv(), DOCKER_CONFIG: configDir };
    const printed: string[] = [];
    const argv: string[][] = [];
    const recordingRunner = {
      async run(
        file: string,
        args: readonly string[],
        options: Parameters<typeof processRunner.run>[2] = {},
      ) {
        argv.push([file, ...args]);
        const result = await processRunner.run(file, args, options);
        printed.push(result.stdout, result.stderr);
        return result;
      },
    };
    const login = await recordingRunner.run(
      bed.docker,
      ['login', '--username', user, '--password-stdin', privateRegistry.address],
      {
        env,
        input: password,
      },
    );
    expect(login.exitCode).toBe(0);

    const stream = {
      write: (chunk: string) => printed.push(chunk) !== undefined,
    } as unknown as NodeJS.WritableStream;
    const logger: Logger = createConsoleLogger(stream, true);
    const writers = registryWriters({
      runner: recordingRunner,
      logger,
      credentials: dockerConfigCredentials({ runner: recordingRunner, configDir }),
    });
    const images = [`${bed.registry}/publish/multi-${unique}`, `${privateRegistry.address}/publish/multi`];
    const push = dockerPushPrimary({
      runner: recordingRunner,
      docker: bed.docker,
      env,
      sourceImage: buildImage('multi'),
    });
    const pushed: string[] = [];
    const result = await publish({
      images,
      tags: ['3.1.0', '3.1', 'latest'],
      pushPrimary: async (ref) => {
        pushed.push(ref);
        return push(ref);
      },
      writers,
      logger,
    });
    expect(pushed).toEqual(images.map((i) => `${i}:3.1.0`));
    expect(result.registries.map((r) => r.digest)).toEqual([result.digest, result.digest]);
    for (const r of result.registries)
      expect(r.tags.map((t) => t.status)).toEqual(['pushed', 'written', 'written']);
    expect(await writers(privateRegistry.address).resolveTag('publish/multi', 'latest')).toBe(result.digest);

    // A wrong password's error must not echo what was sent either.
    const wrong = registryWriters({
      credentials: { get: async () => ({ username: user, password: `${password}-wrong` }) },
    });
    const failure = await publish({
      images: [images[1]],
      tags: ['3.1.0'],
      pushPrimary: async () => ({ digest: '' }),
      writers: wrong,
    }).catch((e: Error) => e);
    expect(failure).toBeInstanceOf(Error);
    printed.push(String(failure), JSON.stringify(result));

    const everything = printed.join('\n');
    const encoded = Buffer.from(`${user}:${password}`).toString('base64');
    expect(everything.length).toBeGreaterThan(100);
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(encoded);
    expect(argv.flat().some((arg) => arg.includes(password))).toBe(false);
  });
});
