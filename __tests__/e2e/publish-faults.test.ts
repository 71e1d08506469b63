import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dockerPushPrimary } from '../../src/publish/docker-push.js';
import { publish, type PushPrimary } from '../../src/publish/publish.js';
import { registryWriters } from '../../src/publish/targets.js';
import { createRegistryClient } from '../../src/registry/client.js';
import { indexManifests, isIndexMediaType, manifestBlobs } from '../../src/registry/manifest.js';
import { processRunner } from '../../src/util/exec.js';
import { type FaultProxy, startFaultProxy } from '../helpers/fault-proxy.js';
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
  dockerPushPrimary({ runner: processRunner, docker: testbed().docker, env: dockerEnv(), sourceImage });

/**
 * Every tag in the repository, read straight from the registry (not through the proxy), points at a
 * manifest whose blobs all exist: no tag names a half-published image.
 */
async function assertNoHalfPublishedTag(repository: string): Promise<Map<string, string>> {
  const direct = createRegistryClient({ registry: testbed().registry });
  const pointing = new Map<string, string>();
  for (const tag of await direct.listTags(repository)) {
    const manifest = await direct.getManifest(repository, tag);
    pointing.set(tag, manifest.digest);
    const children = isIndexMediaType(manifest.mediaType) ? indexManifests(manifest.bytes) : [];
    expect(children).toEqual([]);
    for (const blob of manifestBlobs(manifest.bytes)) {
      expect(await direct.blobExists(repository, blob.digest), `${tag} -> ${blob.digest}`).toBe(true);
    }
  }
  return pointing;
}

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

  it('with the builder behind the faults too, each publish completes or fails, never leaving a half-published tag', async () => {
    const bed = testbed();
    proxy = await startFaultProxy({ target: bed.registry, faultRate: 0.2, seed: 11 });
    const repository = `publish/faults-all-${unique}`;
    const image = `${proxy.address}/${repository}`;
    const outcomes: string[] = [];
    for (const [round, version] of ['1.0.0', '1.1.0', '1.2.0'].entries()) {
      const writers = registryWriters({ retry: { baseDelayMs: 5, attempts: 6 } });
      try {
        const result = await publish({
          images: [image],
          tags: [version, `sha-${round}bcdef0`, 'latest'],
          pushPrimary: dockerPush(buildImage(`all-${round}`)),
          writers,
        });
        outcomes.push('completed');
        const pointing = await assertNoHalfPublishedTag(repository);
        expect(pointing.get(version)).toBe(result.digest);
        expect(pointing.get('latest')).toBe(result.digest);
      } catch (error) {
        outcomes.push(`failed: ${(error as Error).message.slice(0, 120)}`);
        await assertNoHalfPublishedTag(repository);
      }
    }
    expect(outcomes).toHaveLength(3);
    expect(Object.values(proxy.stats.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
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
