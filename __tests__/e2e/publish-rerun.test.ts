import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerPushPrimary } from '../../src/publish/docker-push.js';
import { completePublish, preparePublish, publish, type PushPrimary } from '../../src/publish/index.js';
import type { PublishResult } from '../../src/publish/result.js';
import { registryWriters } from '../../src/publish/targets.js';
import { processRunner } from '../../src/util/exec.js';
import { dockerEnv, registryLogSize, registryRequests, testbed } from '../helpers/testbed.js';

const unique = `${process.pid}-${Date.now()}`;
const built: string[] = [];

// Our local images only (the registry copies stay, like every other e2e test's).
afterAll(() => {
  if (built.length > 0)
    execFileSync(testbed().docker, ['rmi', '-f', ...built], { env: dockerEnv(), stdio: 'pipe' });
});

/** Builds a small local image unique to this run; returns its name and config digest (the image ID). */
function buildLocal(label: string): { image: string; configDigest: string } {
  const bed = testbed();
  const dir = mkdtempSync(join(tmpdir(), 'ib-publishfix-'));
  writeFileSync(
    join(dir, 'Dockerfile'),
    `FROM ${bed.baseImage}\nRUN echo "${label} ${unique}" > /label.txt\n`,
  );
  const image = `publishfix/local-${label}-${unique}`;
  const run = (args: string[]) =>
    execFileSync(bed.docker, args, { env: dockerEnv(), stdio: 'pipe' }).toString();
  run(['build', '--network=none', '-q', '-t', image, dir]);
  built.push(image);
  return { image, configDigest: run(['image', 'inspect', '--format', '{{.Id}}', image]).trim() };
}

function pusher(sourceImage: string) {
  const push = dockerPushPrimary({
    runner: processRunner,
    docker: testbed().docker,
    env: dockerEnv(),
    sourceImage,
  });
  const calls: string[] = [];
  const pushPrimary: PushPrimary = async (reference) => {
    calls.push(reference);
    return push(reference);
  };
  return { pushPrimary, calls };
}

const statuses = (result: PublishResult) =>
  Object.fromEntries(result.registries[0].tags.map((t) => [t.tag, t.status]));

describe('re-running a publish of the same local image', () => {
  const writers = registryWriters({ runner: processRunner });

  it('makes no push when the primary tag already holds the image (same config digest)', async () => {
    const bed = testbed();
    const repository = `publishfix/rerun-${unique}`;
    const image = `${bed.registry}/${repository}`;
    const local = buildLocal('rerun');
    const tags = ['3.1.4', 'sha-0a1b2c3', '3.1', 'latest'];

    const first = pusher(local.image);
    const published = await publish({
      images: [image],
      tags,
      writers,
      pushPrimary: first.pushPrimary,
      localConfigDigest: local.configDigest,
    });
    expect(first.calls).toEqual([`${image}:3.1.4`]);
    expect(statuses(published)['3.1.4']).toBe('pushed');

    // The check before the build, then the push step with the config digest the build reported.
    const second = pusher(local.image);
    const logBefore = registryLogSize();
    const prepared = await preparePublish({ images: [image], tags, writers });
    expect(prepared.references).toEqual([`${image}:3.1.4`]);
    const rerun = await completePublish(prepared, second.pushPrimary, {
      localConfigDigest: local.configDigest,
    });
    const requests = registryRequests(logBefore, repository);

    expect(second.calls).toEqual([]);
    expect(rerun.digest).toBe(published.digest);
    expect(statuses(rerun)).toEqual({
      '3.1.4': 'unchanged',
      'sha-0a1b2c3': 'unchanged',
      '3.1': 'unchanged',
      latest: 'unchanged',
    });
    expect(requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
    expect(requests.filter((r) => r.path.includes('/blobs/'))).toEqual([]);
    // Only our client's requests: the tag list, the primary's manifest, one look at each other tag, the race check.
    expect(requests).toHaveLength(rerun.registries[0].requests as number);
    expect(requests.filter((r) => r.path.endsWith('/manifests/3.1.4'))).toHaveLength(1);

    // The same re-run without the config digest pushes again: docker's push shows up in the log.
    const third = pusher(local.image);
    const logBeforePush = registryLogSize();
    await publish({ images: [image], tags, writers, pushPrimary: third.pushPrimary });
    expect(third.calls).toEqual([`${image}:3.1.4`]);
    const pushedAgain = registryRequests(logBeforePush, repository);
    expect(pushedAgain.filter((r) => r.method === 'PUT' && r.path.endsWith('/manifests/3.1.4'))).toHaveLength(
      1,
    );
  });

  it('pushes when the tag holds a different image', async () => {
    const bed = testbed();
    const repository = `publishfix/rerun-other-${unique}`;
    const image = `${bed.registry}/${repository}`;
    const old = buildLocal('old');
    await publish({ images: [image], tags: ['edge'], writers, pushPrimary: pusher(old.image).pushPrimary });
    const fresh = buildLocal('fresh');
    const push = pusher(fresh.image);
    const result = await publish({
      images: [image],
      tags: ['edge'],
      writers,
      pushPrimary: push.pushPrimary,
      localConfigDigest: fresh.configDigest,
    });
    expect(push.calls).toEqual([`${image}:edge`]);
    expect(statuses(result)).toEqual({ edge: 'pushed' });
    expect(await writers(bed.registry).resolveTag(repository, 'edge')).toBe(result.digest);
  });
});
