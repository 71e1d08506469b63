import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImage, defaultBuildInputs, parseListInput } from '../../src/build/index.js';
import { processRunner } from '../../src/util/exec.js';
import { silentLogger } from '../../src/util/log.js';
import { dockerEnv, registryLogSize, registryRequests, testbed } from '../helpers/testbed.js';

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

describe('the classic builder pushing one primary ref per repository, as the pipeline asks', () => {
  it('pushes the primaries first, then the cache images, and reports each digest the registry holds', async () => {
    const bed = testbed();
    const unique = `${process.pid}-${Date.now()}`;
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
      env: dockerEnv(),
    });

    expect(outcome.builder.kind).toBe('classic');
    const cacheImage = `${bed.registry}/${repositories[0]}:buildcache`;
    expect(outcome.result.pushed.map((push) => push.ref)).toEqual([
      ...primaries,
      `${cacheImage}-builder`,
      cacheImage,
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
      `/v2/${repositories[0]}/manifests/buildcache-builder`,
      `/v2/${repositories[0]}/manifests/buildcache`,
    ]);
  });
});
