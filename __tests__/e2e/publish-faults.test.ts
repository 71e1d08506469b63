import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dockerPushPrimary } from '../../src/publish/docker-push.js';
import { publish, type PushPrimary } from '../../src/publish/publish.js';
import { registryWriters } from '../../src/publish/targets.js';
import { createRegistryClient } from '../../src/registry/client.js';
import { processRunner } from '../../src/util/exec.js';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
import { assertNoHalfPublishedTag } from '../helpers/registry-check.js';
import { dockerEnv, testbed } from '../helpers/testbed.js';

const unique = `${process.pid}-${Date.now()}`;

function buildImage(label: string): string {
  const bed = testbed();
  const dir = mkdtempSync(join(tmpdir(), 'ib-publish-build-'));
  writeFileSync(
    join(dir, 'Dockerfile'),
    `FROM ${bed.baseImage}\nRUN echo "${label} ${unique}" > /a.txt\nRUN echo "${label} two" > /b.txt\n`,
  );
  const image = `publish/local-${label}-${unique}`.toLowerCase();
  execFileSync(bed.docker, ['build', '--network=none', '-q', '-t', image, dir], {
    env: dockerEnv(),
    stdio: 'pipe',
  });
  return image;
}

const dockerPush = (sourceImage: string): PushPrimary =>
  dockerPushPrimary({
    runner: processRunner,
    docker: testbed().docker,
    env: dockerEnv(),
    sourceImage,
    retry: { baseDelayMs: 50 },
  });

let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
});

describe('publish through a faulty registry proxy', () => {
  it('retries 5xx, 429 and dropped connections until every tag is written', async () => {
    const bed = testbed();
    proxy = await startFaultProxy({ target: bed.registry, faultRate: 0.35, seed: 7 });
    const repository = `publish/faults-retry-${unique}`;
    // The builder pushes straight to the registry; our client goes through the faults.
    const writers = () =>
      createRegistryClient({
        registry: bed.registry,
        baseUrl: `http://${proxy?.address}`,
        retry: { baseDelayMs: 5, attempts: 8 },
      });
    const tags = ['2.1.0', 'sha-feed123', '2.1', '2', 'latest', 'prod'];
    const result = await publish({
      images: [`${bed.registry}/${repository}`],
      tags,
      pushPrimary: dockerPush(buildImage('retry')),
      writers,
    });
    const injected = Object.values(proxy.stats.faults).reduce((a, b) => a + b, 0);
    expect(injected).toBeGreaterThan(0);
    expect(result.registries[0].requests).toBeGreaterThan(proxy.stats.requests - injected - 1);
    const pointing = await assertNoHalfPublishedTag(repository);
    for (const tag of tags) expect(pointing.get(tag)).toBe(result.digest);
  });

  it('a builder push that dies before its manifest leaves no tag, and nothing else is written', async () => {
    const bed = testbed();
    // Every blob reaches the registry; every manifest PUT is dropped: a half-published image.
    proxy = await startFaultProxy({
      target: bed.registry,
      faultRate: 1,
      faults: ['drop'],
      match: /^PUT .*\/manifests\//,
    });
    const repository = `publish/faults-half-${unique}`;
    const writers = registryWriters({ retry: { baseDelayMs: 5, attempts: 3 } });
    await expect(
      publish({
        images: [`${proxy.address}/${repository}`],
        tags: ['4.0.0', 'sha-4bcdef0', '4', 'latest'],
        pushPrimary: dockerPush(buildImage('half')),
        writers,
      }),
    ).rejects.toThrow(/pushing .*:4\.0\.0: docker push .*:4\.0\.0 failed \(exit 1\)/);
    // The dropped manifest PUT looks transient: the push was tried again, and failed the same way.
    expect(proxy.stats.faults.drop).toBeGreaterThan(1);
    const direct = createRegistryClient({ registry: bed.registry });
    expect(await direct.listTags(repository)).toEqual([]);
  });

  it('tag writes that fail midway leave only tags that point at the complete image', async () => {
    const bed = testbed();
    // The list, the read-back and two PUTs (the immutable tags) pass; every later PUT fails, retries included.
    proxy = await startFaultProxy({
      target: bed.registry,
      faultRate: 1,
      faults: ['503', 'drop'],
      match: /^PUT /,
      skipFirst: 2,
    });
    const repository = `publish/faults-midway-${unique}`;
    const writers = () =>
      createRegistryClient({
        registry: bed.registry,
        baseUrl: `http://${proxy?.address}`,
        retry: { baseDelayMs: 5, attempts: 3 },
        tagParameters: 'never',
      });
    const error = await publish({
      images: [`${bed.registry}/${repository}`],
      tags: ['5.0.0', 'sha-5bcdef0', 'prod-20260101-000000', '5', 'latest'],
      pushPrimary: dockerPush(buildImage('midway')),
      writers,
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/writing tags 5, latest: .*(503|connection closed|gave up)/);
    const pointing = await assertNoHalfPublishedTag(repository);
    expect([...pointing.keys()].sort()).toEqual(['5.0.0', 'prod-20260101-000000', 'sha-5bcdef0']);
    expect(new Set(pointing.values()).size).toBe(1);
    // Immutable tags went first: the moving ones are the ones missing.
    expect(pointing.has('latest')).toBe(false);
  });
});

describe('two publishes of different images to one repository at once', () => {
  for (const round of [1, 2]) {
    it(`every tag ends on one of the two digests, latest on the higher version (round ${round})`, async () => {
      const bed = testbed();
      // A little latency widens the window in which the two publishes interleave.
      proxy = await startFaultProxy({ target: bed.registry, delayMs: 3 });
      const repository = `publish/race-${round}-${unique}`;
      const image = `${bed.registry}/${repository}`;
      const writers = () =>
        createRegistryClient({ registry: bed.registry, baseUrl: `http://${proxy?.address}` });
      const older = buildImage(`race-old-${round}`);
      const newer = buildImage(`race-new-${round}`);
      const [a, b] = await Promise.all([
        publish({
          images: [image],
          tags: ['1.2.0', '1.2', '1', 'latest', 'edge'],
          pushPrimary: dockerPush(older),
          writers,
        }),
        publish({
          images: [image],
          tags: ['1.3.0', '1.3', '1', 'latest', 'edge'],
          pushPrimary: dockerPush(newer),
          writers,
        }),
      ]);
      expect(a.digest).not.toBe(b.digest);
      const pointing = await assertNoHalfPublishedTag(repository);
      for (const [tag, digest] of pointing) expect([a.digest, b.digest], tag).toContain(digest);
      expect(pointing.get('1.2.0')).toBe(a.digest);
      expect(pointing.get('1.2')).toBe(a.digest);
      expect(pointing.get('1.3.0')).toBe(b.digest);
      expect(pointing.get('latest')).toBe(b.digest);
      expect(pointing.get('1')).toBe(b.digest);
    });
  }
});

describe('a lower version whose latest PUT lands after a higher version finished', () => {
  it('hands latest back to the higher version in its final check', async () => {
    const bed = testbed();
    // The 1.2.0 publish's PUT of latest is held until the 1.3.0 publish is long done.
    proxy = await startFaultProxy({
      target: bed.registry,
      hold: { match: /^PUT .*\/manifests\/latest$/, ms: 4000 },
    });
    const repository = `publish/race-held-${unique}`;
    const image = `${bed.registry}/${repository}`;
    const slow = () => createRegistryClient({ registry: bed.registry, baseUrl: `http://${proxy?.address}` });
    const fast = () => createRegistryClient({ registry: bed.registry });
    const older = buildImage('held-old');
    const newer = buildImage('held-new');
    const olderRun = publish({
      images: [image],
      tags: ['1.2.0', 'latest'],
      pushPrimary: dockerPush(older),
      writers: slow,
    });
    // Let the older publish get past its tag list before the newer one starts.
    await new Promise((r) => setTimeout(r, 300));
    const b = await publish({
      images: [image],
      tags: ['1.3.0', 'latest'],
      pushPrimary: dockerPush(newer),
      writers: fast,
    });
    const a = await olderRun;
    expect(a.registries[0].tags.find((t) => t.tag === 'latest')).toMatchObject({
      status: 'superseded',
      digest: b.digest,
    });
    const pointing = await assertNoHalfPublishedTag(repository);
    expect(pointing.get('latest')).toBe(b.digest);
    expect(pointing.get('1.2.0')).toBe(a.digest);
  });
});
