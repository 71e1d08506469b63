import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildImage, defaultBuildInputs, parseListInput } from '../../src/build/index.js';
import { processRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import {
  type BuilderName,
  describeEachBuilder,
  registryLogSize,
  registryRequests,
  testbed,
} from '../helpers/testbed.js';

const DOCKERFILE = [
  'ARG BASE_IMAGE',
  'FROM ${BASE_IMAGE} AS builder',
  'RUN echo built > /out',
  'FROM ${BASE_IMAGE}',
  'COPY --from=builder /out /out',
  '',
].join('\n');

async function registryDigest(registry: string, repository: string, tag: string): Promise<string | null> {
  const head = await fetch(`http://${registry}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
  });
  return head.headers.get('docker-content-digest');
}

/**
 * The cache each builder writes after the primaries, for a two-stage Dockerfile with the default
 * cache, and which of those refs it reports as pushed: the remote builder exports a registry cache
 * (not an image); the docker driver's image carries its inline cache and the cache ref is one more
 * name of it; the classic builder pushes one inline-cache image per stage with docker push.
 */
const CACHE_IMAGES: Record<BuilderName, { written: string[]; reported: string[] }> = {
  'buildx-remote': { written: ['buildcache'], reported: [] },
  'buildx-docker': { written: ['buildcache'], reported: ['buildcache'] },
  classic: { written: ['buildcache-builder', 'buildcache'], reported: ['buildcache-builder', 'buildcache'] },
};

describeEachBuilder('pushing one primary ref per repository, as the pipeline asks', (builder) => {
  it('pushes the primaries first, then the cache images, and reports each digest the registry holds', async () => {
    const bed = testbed();
    const unique = `${builder.name}-${process.pid}-${Date.now()}`;
    const repositories = [`buildfix/primary-a-${unique}`, `buildfix/primary-b-${unique}`];
    const primaries = repositories.map((repository) => `${bed.registry}/${repository}:1.0.0`);
    const context = mkdtempSync(join(tmpdir(), 'ib-buildfix-'));
    writeFileSync(join(context, 'Dockerfile'), DOCKERFILE);
    const before = registryLogSize();

    const outcome = await buildImage({
      inputs: defaultBuildInputs({
        context,
        buildArgs: parseListInput(`BASE_IMAGE=${bed.baseImage}`, { ignoreComma: true }),
        tags: primaries,
        push: true,
        network: 'none',
        noCache: true,
      }),
      runner: processRunner,
      logger: silentLogger,
      env: builder.env,
    });

    expect(outcome.builder.kind).toBe(builder.name === 'classic' ? 'classic' : 'buildx');
    const cacheImages = CACHE_IMAGES[builder.name];
    expect(outcome.result.pushed.map((push) => push.ref)).toEqual([
      ...primaries,
      ...cacheImages.reported.map((tag) => `${bed.registry}/${repositories[0]}:${tag}`),
    ]);
    for (const push of outcome.result.pushed) {
      const [repository, tag] = push.ref.slice(bed.registry.length + 1).split(':');
      expect(push.digest).toBe(await registryDigest(bed.registry, repository, tag));
    }
    expect(outcome.result.digest).toBe(outcome.result.pushed[0].digest);
    // Both primaries are the same image, so the same manifest.
    expect(outcome.result.pushed[1].digest).toBe(outcome.result.digest);

    // The registry saw the manifest PUTs in that order: the primaries before any cache image.
    const puts = registryRequests(before)
      .filter((request) => request.method === 'PUT' && request.path.includes('/manifests/'))
      .filter((request) => repositories.some((repository) => request.path.startsWith(`/v2/${repository}/`)))
      .map((request) => request.path);
    expect(puts).toEqual([
      `/v2/${repositories[0]}/manifests/1.0.0`,
      `/v2/${repositories[1]}/manifests/1.0.0`,
      ...cacheImages.written.map((tag) => `/v2/${repositories[0]}/manifests/${tag}`),
    ]);
  });
});
